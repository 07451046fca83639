package dev.flatline.checks;

/** The notebooks that teach each cause, named once so every finding points at the same file. */
final class Notebooks {
    static final String SYMPTOM = "00-the-symptom.ipynb";
    static final String DATA = "01-look-at-the-data.ipynb";
    static final String ONE_EXAMPLE = "02-one-example-per-class.ipynb";
    static final String REBALANCING = "03-rebalancing.ipynb";
    static final String LEARNING_RATE = "04-learning-rate-and-optimizers.ipynb";
    static final String TRAINING_LENGTH = "05-training-length.ipynb";
    static final String ARCHITECTURE = "06-architecture.ipynb";
    static final String PREPROCESSING = "07-preprocessing.ipynb";
    static final String DATA_VOLUME = "08-data-volume.ipynb";

    private Notebooks() {
    }
}
