// Runs only where the machine's PostgreSQL answers on 127.0.0.1:5432 (user postgres, trust).
try {
    def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-tAc', 'SELECT 1'].execute()
    p.waitForOrKill(10000)
    return p.exitValue() == 0
} catch (Exception e) {
    return false
}
