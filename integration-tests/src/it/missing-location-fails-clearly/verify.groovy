// A configuration mistake is one readable line, not a stack trace.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

assert log.contains('BUILD FAILURE') : 'the user must fix the POM: a failure, not an error'
def named = lines.findAll { it.contains('migrations-typo') && it.contains('<locations>') }
assert named.size() == 1 : "one line names the folder and <locations>, got: $named"
assert !lines.any { it.startsWith('\tat ') || it.contains('Exception in thread') } : 'no Java stack trace'
assert !new File(basedir, 'target/migration-agent/report.json').exists()
return true
