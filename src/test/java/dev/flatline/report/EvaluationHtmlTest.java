package dev.flatline.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class EvaluationHtmlTest {

    @Test
    void escapesLabelsAndShowsEveryClassInTheConfusionMatrix() {
        LabelFactory factory = new LabelFactory();
        List<ArrayExample<Label>> examples = List.of(
                new ArrayExample<>(new Label("<b>big</b>"), new String[] {"x"}, new double[] {1}),
                new ArrayExample<>(new Label("<b>big</b>"), new String[] {"x"}, new double[] {2}),
                new ArrayExample<>(new Label("small & rare"), new String[] {"x"}, new double[] {3}));
        @SuppressWarnings({"unchecked", "rawtypes"})
        MutableDataset<Label> data = new MutableDataset<>(new ListDataSource<>((List) examples, factory,
                new SimpleDataSourceProvenance("test", factory)));
        LabelEvaluation evaluation = new LabelEvaluator()
                .evaluate(DummyClassifierTrainer.createMostFrequentTrainer().train(data), data);

        String html = EvaluationHtml.evaluation(evaluation);
        assertTrue(html.contains("&lt;b&gt;big&lt;/b&gt;"), html);
        assertTrue(html.contains("small &amp; rare"), html);
        assertFalse(html.contains("<b>big"), html);
        // Largest true class first (big, then rare), as in the charts: the rare example was predicted as "big".
        assertTrue(html.contains("<tr><th>small &amp; rare</th><td>1</td><td>0</td></tr>"), html);
        assertTrue(html.indexOf("<tr><th>&lt;b&gt;big") < html.indexOf("<tr><th>small &amp; rare"), html);
        assertTrue(html.contains("<tr><th>Balanced accuracy</th><td>0.5000</td></tr>"), html);
        assertThrows(NullPointerException.class, () -> EvaluationHtml.evaluation(null));
    }
}
