// The gate must fail on the plain CREATE INDEX, point at it like a compiler, and show the safe alternative.
def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/migration-agent')

assert log.contains('BUILD FAILURE')
assert log =~ /V2__index_orders_created_at\.sql:1:1/ : 'file:line:col of the statement'
assert log.contains('require-concurrent-index')
assert log.contains('CONCURRENTLY') : 'the fix names the safe alternative'
assert log.contains('-- migration:ignore <rule-id> -- <reason>') : 'the failure says how to suppress'
assert !log.contains('BUILD ERROR')

['report.json', 'report.md', 'report.sarif'].each {
    assert new File(reports, it).isFile() : "$it written even though the build failed"
}
assert new File(reports, 'report.json').text =~ /"safe_to_deploy"\s*:\s*false/
return true
