def log = new File(basedir, 'build.log').text
def json = new File(basedir, 'target/migration-agent/report.json')

assert log.contains('BUILD SUCCESS')
assert json.isFile()
assert json.text =~ /"safe_to_deploy"\s*:\s*true/
assert !log.contains('[ERROR]')
return true
