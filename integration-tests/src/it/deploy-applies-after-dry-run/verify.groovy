// The dry run showed the plan and guards; the deploy applied all three migrations into Flyway's history.
def log = new File(basedir, 'build.log').text
def query(String sql) {
    def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'ma_it_deploy', '-tAc', sql].execute()
    p.waitForOrKill(30000)
    return p.text.trim()
}
try {
    assert log.contains('BUILD SUCCESS')
    assert log.contains('Would run on jdbc:postgresql://127.0.0.1:5432/ma_it_deploy as postgres: 3 pending migration(s)')
    assert log =~ /line 1 +concurrent lock_timeout +\d+ ms +statement_timeout +\d+ ms +CREATE INDEX CONCURRENTLY/
    assert log.contains('Deploy dry run')
    assert log.contains('Deploy applied')
    assert new File(basedir, 'target/migration-agent/deploy.json').text.contains('"outcome": "applied"')
    assert !new File(basedir, 'target/migration-agent/incident.md').exists()
    assert query('SELECT string_agg(version || \':\' || success, \',\' ORDER BY installed_rank) FROM flyway_schema_history') == '1:true,2:true,3:true'
} finally {
    ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-qc', 'DROP DATABASE IF EXISTS ma_it_deploy WITH (FORCE)'].execute().waitForOrKill(30000)
}
return true
