package dev.migrationagent.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version the shade plugin writes into the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        // running from classes (tests, IDE) there is no manifest
        return new String[] {"migration-agent " + (version == null ? "(development build)" : version)};
    }
}
