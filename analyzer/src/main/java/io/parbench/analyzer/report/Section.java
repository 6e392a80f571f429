package io.parbench.analyzer.report;

import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.report.ReportDocument.ChartJob;
import java.util.List;

/** A part of the report that adds blocks and the charts they show; {@link ReportDocument} puts them in order. */
abstract class Section {

    final Analysis a;
    final List<Block> blocks;
    final List<ChartJob> charts;

    Section(Analysis a, List<Block> blocks, List<ChartJob> charts) {
        this.a = a;
        this.blocks = blocks;
        this.charts = charts;
    }

    /** Adds the section's blocks, and its charts to draw. */
    abstract void add();
}
