package dev.ember.migrate.report;

import java.util.ArrayList;
import java.util.List;

/** What happened to one input file. */
public final class FileReport {
    private final String path;
    private final List<Change> changes = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private int runSites;
    private int runSitesConverted;
    private boolean rewritten;

    public FileReport(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public List<Change> changes() {
        return changes;
    }

    public List<Finding> findings() {
        return findings;
    }

    public void add(Change c) {
        changes.add(c);
    }

    public void add(Finding f) {
        findings.add(f);
    }

    public int runSites() {
        return runSites;
    }

    public int runSitesConverted() {
        return runSitesConverted;
    }

    public void runSites(int found, int converted) {
        this.runSites = found;
        this.runSitesConverted = converted;
    }

    public boolean rewritten() {
        return rewritten;
    }

    public void rewritten(boolean value) {
        this.rewritten = value;
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
