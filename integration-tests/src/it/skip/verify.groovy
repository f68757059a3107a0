def log = new File(basedir, 'build.log').text

assert log.contains('BUILD SUCCESS')
assert log.contains('Skipping migration:check (migration.skip=true)')
assert !new File(basedir, 'target/migration-agent').exists() : 'a skipped check writes no reports'
return true
