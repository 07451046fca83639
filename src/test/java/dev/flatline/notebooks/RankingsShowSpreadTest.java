package dev.flatline.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The notebooks that rank remedies or optimisers do it over seeds, with the range beside each score:
 * a code cell shows a {@code SeedComparison}'s {@code table()} (mean, sd, lowest, highest, the paired
 * difference from the best, and the rank the spread supports; {@code SeedComparisonTest} checks those
 * columns), another its {@code differences()} (every pair, the reason for each rank), and the prose
 * reads the ranks.
 */
class RankingsShowSpreadTest {

    @ParameterizedTest
    @ValueSource(strings = {"notebooks/03-rebalancing.ipynb", "notebooks/04-learning-rate-and-optimizers.ipynb"})
    void aRankingShowsItsSpread(String notebook) throws IOException {
        JsonNode cells = new ObjectMapper().readTree(Path.of(notebook).toFile()).get("cells");
        boolean comparedOverSeeds = false;
        boolean tableShown = false;
        boolean pairsShown = false;
        boolean ranksRead = false;
        for (JsonNode cell : cells) {
            StringBuilder source = new StringBuilder();
            cell.get("source").forEach(line -> source.append(line.asText()));
            String text = source.toString();
            if (cell.get("cell_type").asText().equals("code")) {
                comparedOverSeeds |= text.contains("SeedComparison.seeds(");
                tableShown |= text.matches("(?s).*\\w+\\.table\\(\\)\\s*$") && comparedOverSeeds;
                pairsShown |= text.matches("(?s).*\\w+\\.differences\\(\\)\\s*$") && comparedOverSeeds;
            } else {
                ranksRead |= comparedOverSeeds && text.contains("rank");
            }
        }
        assertTrue(comparedOverSeeds, notebook + ": no SeedComparison; a ranking needs its spread over seeds");
        assertTrue(tableShown, notebook + ": the SeedComparison's table (with its lowest/highest columns) is not shown");
        assertTrue(pairsShown, notebook
                + ": the SeedComparison's differences() (the paired verdicts behind each rank) is not shown");
        assertTrue(ranksRead, notebook + ": the prose after the comparison does not say what the ranks support");
    }
}
