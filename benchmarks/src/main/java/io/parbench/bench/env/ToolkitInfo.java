package io.parbench.bench.env;

/** What measured: parbench's version, the git commit of the sources (and whether they had local changes), JMH. */
public record ToolkitInfo(String parbenchVersion, String gitCommit, Boolean gitDirty, String jmhVersion) {
}
