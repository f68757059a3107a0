// The scripts live only where flyway.locations points, so finding V2 there proves the property was honoured.
def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
assert log =~ /db\/sql\/V2__index_orders_created_at\.sql:1:1/
assert log.contains('require-concurrent-index')
return true
