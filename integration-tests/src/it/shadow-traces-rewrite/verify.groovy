// The trace must show what PostgreSQL did (a rewrite of the 50M-row orders table), marked as traced evidence.
def log = new File(basedir, 'build.log').text
def json = new File(basedir, 'target/migration-agent/report.json').text

assert log.contains('BUILD FAILURE')
assert !log.contains('BUILD ERROR') : 'the embedded shadow started and the trace ran'
assert log.contains('traced-table-rewrite')
assert log =~ /V2__customer_id_numeric\.sql:\d+:\d+/ : "file:line:col of the statement"
assert json.contains('traced-table-rewrite')
assert json =~ /"evidence"\s*:\s*"traced"/
assert json.contains('type-change-rewrite') : 'the static finding is still there'
return true
