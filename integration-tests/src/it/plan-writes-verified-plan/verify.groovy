// The plan must replace the unsafe script by proven steps: the index built CONCURRENTLY in a script of its own
// that Flyway runs outside a transaction, an undo script for every step, and a summary that says it is verified.
def log = new File(basedir, 'build.log').text
def plan = new File(basedir, 'target/migration-agent/plan')
def release1 = new File(plan, 'release-1')

assert log.contains('BUILD SUCCESS')
assert log =~ /Plan for .*V2__email_index_and_token\.sql: verified/
assert log.contains('Next steps:')
assert release1.isDirectory()

def names = release1.list() as List
def forward = names.findAll { it ==~ /V2_\d+__.*\.sql/ }
def undo = names.findAll { it ==~ /U2_\d+__.*\.sql/ }
assert forward.size() >= 2 : "one step per statement at least: $names"
assert undo.size() == forward.size() : "an undo script per step: $names"

def concurrently = forward.find { new File(release1, it).text.contains('CREATE INDEX CONCURRENTLY') }
assert concurrently : "a step builds the index concurrently: $names"
def conf = new File(release1, concurrently + '.conf')
assert conf.isFile() : "$concurrently runs outside a transaction"
assert conf.text.contains('executeInTransaction=false')
assert new File(release1, 'U' + concurrently.substring(1)).text.contains('DROP INDEX CONCURRENTLY')

def summary = new File(plan, 'plan.md').text
assert summary =~ /(?i)verified/
assert !(summary =~ /NOT verified/)
assert new File(plan, 'plan.json').isFile()
return true
