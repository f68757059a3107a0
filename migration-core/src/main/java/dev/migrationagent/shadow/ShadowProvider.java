package dev.migrationagent.shadow;

/** Creates scratch databases; closing the provider stops whatever servers it started. */
public sealed interface ShadowProvider extends AutoCloseable permits EmbeddedShadowProvider, UrlShadowProvider {
    /**
     * A new, empty scratch database on a server of the given major version.
     *
     * @throws ShadowException when no such server can be provided
     */
    ShadowDatabase create(int majorVersion);

    @Override
    void close();
}
