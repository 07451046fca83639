package dev.flatline.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The non-linearity applied after every hidden layer.
 *
 * <p>ReLU is the default; {@link #LINEAR} makes a deep network collapse into one linear map (useful to
 * show that depth alone adds nothing), and ReLU units can "die" (R16), which the training history counts.
 *
 * <p>Each activation and its derivative are defined here once, in the two forms the engines execute:
 * a loop over a Java array and the equivalent ND4J ops, side by side so they cannot drift apart
 * (a test checks they agree over a range of inputs). The derivative is written in terms of the
 * activation's output {@code h = f(z)}, which all five allow, so engines need not keep the
 * pre-activations.
 */
public enum HiddenActivation {
    /** {@code max(0, z)}. */
    RELU {
        @Override
        void apply(float[] z, int n) {
            for (int i = 0; i < n; i++) {
                z[i] = Math.max(0f, z[i]);
            }
        }

        @Override
        void backprop(float[] h, float[] da, int n) {
            for (int i = 0; i < n; i++) {
                da[i] = h[i] > 0f ? da[i] : 0f;
            }
        }

        @Override
        void apply(INDArray z) {
            Nd4j.exec(new RectifiedLinear(z, z, 0.0));
        }

        @Override
        void backprop(INDArray h, INDArray da, INDArray scratch) {
            // Two plain element-wise ops: ND4J's relu_bp custom op costs several times more.
            Nd4j.exec(new Step(h, scratch, 0.0));
            da.muli(scratch);
        }
    },
    /** {@code z} for positive inputs, {@code 0.01 z} otherwise: no unit can die completely. */
    LEAKY_RELU {
        @Override
        void apply(float[] z, int n) {
            for (int i = 0; i < n; i++) {
                z[i] = z[i] > 0f ? z[i] : LEAKY_SLOPE * z[i];
            }
        }

        @Override
        void backprop(float[] h, float[] da, int n) {
            for (int i = 0; i < n; i++) {
                da[i] *= h[i] > 0f ? 1f : LEAKY_SLOPE;
            }
        }

        @Override
        void apply(INDArray z) {
            Nd4j.exec(new LeakyReLU(z, z, LEAKY_SLOPE));
        }

        @Override
        void backprop(INDArray h, INDArray da, INDArray scratch) {
            // 1 where h > 0, the slope elsewhere (at exactly 0 too, as above; ND4J's leakyrelu_bp op
            // takes 1 there, which the formula test caught).
            Nd4j.exec(new Step(h, scratch, 0.0));
            scratch.muli(1f - LEAKY_SLOPE).addi(LEAKY_SLOPE);
            da.muli(scratch);
        }
    },
    /** Hyperbolic tangent. */
    TANH {
        @Override
        void apply(float[] z, int n) {
            for (int i = 0; i < n; i++) {
                z[i] = (float) Math.tanh(z[i]);
            }
        }

        @Override
        void backprop(float[] h, float[] da, int n) {
            for (int i = 0; i < n; i++) {
                da[i] *= 1f - h[i] * h[i];
            }
        }

        @Override
        void apply(INDArray z) {
            Nd4j.exec(new Tanh(z, z));
        }

        @Override
        void backprop(INDArray h, INDArray da, INDArray scratch) {
            h.mul(h, scratch).rsubi(1.0);
            da.muli(scratch);
        }
    },
    /** Logistic sigmoid; saturates, so deep sigmoid stacks show vanishing gradients (R17). */
    SIGMOID {
        @Override
        void apply(float[] z, int n) {
            for (int i = 0; i < n; i++) {
                z[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
            }
        }

        @Override
        void backprop(float[] h, float[] da, int n) {
            for (int i = 0; i < n; i++) {
                da[i] *= h[i] * (1f - h[i]);
            }
        }

        @Override
        void apply(INDArray z) {
            Nd4j.exec(new Sigmoid(z, z));
        }

        @Override
        void backprop(INDArray h, INDArray da, INDArray scratch) {
            h.rsub(1.0, scratch).muli(h);
            da.muli(scratch);
        }
    },
    /** The identity. */
    LINEAR {
        @Override
        void apply(float[] z, int n) {
        }

        @Override
        void backprop(float[] h, float[] da, int n) {
        }

        @Override
        void apply(INDArray z) {
        }

        @Override
        void backprop(INDArray h, INDArray da, INDArray scratch) {
        }
    };

    /** Slope of {@link #LEAKY_RELU} for negative inputs. */
    public static final float LEAKY_SLOPE = 0.01f;

    /** {@code z[i] = f(z[i])} for the first {@code n} entries. */
    abstract void apply(float[] z, int n);

    /** {@code da[i] *= f'(z_i)}, with the derivative computed from the output {@code h[i] = f(z_i)}. */
    abstract void backprop(float[] h, float[] da, int n);

    /** The same as {@link #apply(float[], int)}, in place on an ND4J array. */
    abstract void apply(INDArray z);

    /** The same as {@link #backprop(float[], float[], int)} on ND4J arrays; {@code scratch} is h-shaped. */
    abstract void backprop(INDArray h, INDArray da, INDArray scratch);
}
