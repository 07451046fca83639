package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One immutable value holds a trainer's settings; the builder and olcut configuration both make it. */
class MlpSettingsTest {

    @Test
    void theBuilderMakesTheValueAndToBuilderKeepsIt() {
        MlpTrainer trainer = MlpTrainer.builder().hidden(16, 8).hiddenActivation(HiddenActivation.TANH).focalLoss(0.5)
                .optimiser(Optimiser.nesterov(0.02, 0.8)).epochs(7).batchSize(32).l2(1e-3).dropout(0.2)
                .constantInit(0.3).outputBiasFromPriors(true).classWeights(Map.of("a", 2.0)).validationFraction(0.2)
                .earlyStopping(3).seed(9).computePath(ComputePath.REFERENCE).progress(false).build();
        MlpSettings s = trainer.settings();
        assertEquals(16, s.hiddenSizes()[0]);
        assertEquals(LossFunction.FOCAL, s.loss());
        assertEquals(0.5, s.focalGamma());
        assertEquals(Optimiser.nesterov(0.02, 0.8), s.optimiser());
        assertEquals(ClassWeighting.of(Map.of("a", 2.0)), s.classWeights());
        assertEquals(s, trainer.toBuilder().build().settings(), "toBuilder keeps every setting");
        assertEquals(s, MlpTrainer.of(s).settings());
        assertNotEquals(s, trainer.toBuilder().seed(10).build().settings());
        s.hiddenSizes()[0] = 99;
        assertEquals(16, s.hiddenSizes()[0], "the value cannot be changed through its array");
        assertEquals(MlpSettings.defaults(), MlpTrainer.builder().build().settings());
        assertEquals(MlpSettings.defaults(), new MlpTrainer().settings());
    }

    @Test
    void theValueChecksItselfWhereverItIsMade() {
        MlpSettings d = MlpSettings.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MlpSettings(d.hiddenSizes(),
                d.hiddenActivation(), d.outputActivation(), d.loss(), d.focalGamma(), d.logitAdjustmentTau(),
                d.optimiser(), 0, d.batchSize(), d.l2(), d.dropout(), d.weightInit(), d.initConstant(),
                d.outputBiasFromPriors(), d.classWeights(), d.validationFraction(), d.patience(), d.seed(),
                d.computePath(), d.progress()));
        assertTrue(e.getMessage().contains("epochs is 0") && e.getMessage().contains("at least 1"), e.getMessage());
    }

    @Test
    void olcutConfigurationMakesTheSameValueAndProvenanceRecordsIt(@TempDir Path dir) throws IOException {
        Path xml = Files.writeString(dir.resolve("mlp.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="mlp" type="dev.flatline.nn.MlpTrainer">
                    <property name="epochs" value="3"/>
                    <property name="optimiser" value="SGD"/>
                    <property name="learningRate" value="0.05"/>
                    <property name="loss" value="FOCAL"/>
                    <property name="focalGamma" value="0.5"/>
                    <propertymap name="classWeights">
                      <entry key="Rad.Flow" value="0.25"/>
                    </propertymap>
                  </component>
                </config>
                """);
        MlpTrainer configured = (MlpTrainer) new ConfigurationManager(xml.toString()).lookup("mlp");
        MlpTrainer built = MlpTrainer.builder().epochs(3).optimiser(Optimiser.sgd(0.05)).focalLoss(0.5)
                .classWeights(Map.of("Rad.Flow", 0.25)).build();
        assertEquals(built.settings(), configured.settings());
        String provenance = configured.getProvenance().toString();
        assertTrue(provenance.contains("focalGamma") && provenance.contains("Rad.Flow"), provenance);
    }

    @Test
    void aClassWeightThatIsNotANumberIsReportedOnce(@TempDir Path dir) throws IOException {
        Path xml = Files.writeString(dir.resolve("bad.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="mlp" type="dev.flatline.nn.MlpTrainer">
                    <propertymap name="classWeights">
                      <entry key="High" value="heavy"/>
                    </propertymap>
                  </component>
                </config>
                """);
        Throwable e = assertThrows(RuntimeException.class, () -> new ConfigurationManager(xml.toString()).lookup("mlp"));
        while (e.getCause() != null && !(e instanceof IllegalArgumentException)) {
            e = e.getCause();
        }
        assertTrue(e.getMessage().contains("'High'") && e.getMessage().contains("'heavy'"), e.getMessage());
    }
}
