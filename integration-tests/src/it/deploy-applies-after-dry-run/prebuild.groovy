// A fresh target database for this build; verify.groovy drops it.
def psql(String sql) {
    def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql].execute()
    p.waitForOrKill(30000)
    assert p.exitValue() == 0 : p.err.text
}
psql('DROP DATABASE IF EXISTS ma_it_deploy WITH (FORCE)')
psql('CREATE DATABASE ma_it_deploy')
return true
