// A reasoned suppression lets the build pass, and the reason stays visible to reviewers in the reports.
def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/migration-agent')
def reason = 'orders is append-only at night; built in maintenance window'

assert log.contains('BUILD SUCCESS')
assert new File(reports, 'report.md').text.contains(reason)
assert new File(reports, 'report.json').text.contains(reason)
return true
