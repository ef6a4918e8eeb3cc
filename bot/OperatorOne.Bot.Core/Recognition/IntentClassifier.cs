using System.Numerics;
using System.Runtime.InteropServices;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// Multinomial logistic regression (softmax) over sentence vectors, trained when the model loads: unlike the nearest
/// examples it learns which directions of meaning separate tools, so a sentence worded unlike any example still lands.
/// Full-batch Adam with L2; about a second for a thousand examples of ninety tools on this machine.
/// </summary>
public sealed class IntentClassifier
{
    /// <summary>Training settings; chosen by 5-fold cross-validation on utterances.tsv (README, Recognition).</summary>
    public sealed record Settings(int Iterations = 150, float LearningRate = 0.05f, float L2 = 1e-5f);

    private readonly string[] _tools;
    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly int _dimensions;

    private IntentClassifier(string[] tools, float[] weights, float[] bias, int dimensions)
    {
        _tools = tools;
        _weights = weights;
        _bias = bias;
        _dimensions = dimensions;
    }

    public IReadOnlyList<string> Tools => _tools;

    public static IntentClassifier Train(IReadOnlyList<IntentExample> examples, float[][] vectors, Settings? settings = null)
    {
        if (examples.Count != vectors.Length || vectors.Length == 0)
        {
            throw new ArgumentException("One vector per example, and at least one example.", nameof(vectors));
        }
        settings ??= new Settings();
        var tools = examples.Select(e => e.Tool).Distinct(StringComparer.Ordinal).ToArray();
        var index = tools.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var labels = examples.Select(e => index[e.Tool]).ToArray();
        var dimensions = vectors[0].Length;
        var classes = tools.Length;
        var weights = new float[classes * dimensions];
        var bias = new float[classes];
        var gradient = new float[weights.Length];
        var biasGradient = new float[classes];
        var adam = new Adam(weights.Length + classes, settings.LearningRate);
        var probabilities = new float[classes];
        var model = new IntentClassifier(tools, weights, bias, dimensions);
        for (var step = 0; step < settings.Iterations; step++)
        {
            Array.Clear(gradient);
            Array.Clear(biasGradient);
            for (var n = 0; n < vectors.Length; n++)
            {
                model.Softmax(vectors[n], probabilities);
                probabilities[labels[n]] -= 1;
                for (var k = 0; k < classes; k++)
                {
                    // A tool already near 0 for this sentence barely moves its weights: skipping it halves training time.
                    if (MathF.Abs(probabilities[k]) < 1e-4f)
                    {
                        continue;
                    }
                    var g = probabilities[k] / vectors.Length;
                    biasGradient[k] += g;
                    AddScaled(gradient.AsSpan(k * dimensions, dimensions), vectors[n], g);
                }
            }
            AddScaled(gradient, weights, settings.L2);
            adam.Step(step + 1, weights, gradient, bias, biasGradient);
        }
        return model;
    }

    /// <summary>The trained weights, for <see cref="SemanticCache"/>: a restart reads them instead of training again.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(_tools.Length);
        writer.Write(_dimensions);
        foreach (var tool in _tools)
        {
            writer.Write(tool);
        }
        writer.Write(MemoryMarshal.AsBytes(_weights.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(_bias.AsSpan()));
    }

    public static IntentClassifier Read(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        if (classes <= 0 || dimensions <= 0 || classes > 100_000 || dimensions > 10_000)
        {
            throw new InvalidDataException("Not a classifier's weights.");
        }
        var tools = new string[classes];
        for (var i = 0; i < classes; i++)
        {
            tools[i] = reader.ReadString();
        }
        var weights = new float[classes * dimensions];
        var bias = new float[classes];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(bias.AsSpan()));
        return new IntentClassifier(tools, weights, bias, dimensions);
    }

    /// <summary>The probability of each tool in <see cref="Tools"/> order; they sum to 1.</summary>
    public float[] Probabilities(float[] sentence)
    {
        var probabilities = new float[_tools.Length];
        Softmax(sentence, probabilities);
        return probabilities;
    }

    private void Softmax(float[] sentence, float[] into)
    {
        var max = float.MinValue;
        for (var k = 0; k < _tools.Length; k++)
        {
            into[k] = Dot(_weights.AsSpan(k * _dimensions, _dimensions), sentence) + _bias[k];
            max = Math.Max(max, into[k]);
        }
        var total = 0f;
        for (var k = 0; k < _tools.Length; k++)
        {
            into[k] = MathF.Exp(into[k] - max);
            total += into[k];
        }
        for (var k = 0; k < _tools.Length; k++)
        {
            into[k] /= total;
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        var sum = Vector<float>.Zero;
        for (var i = 0; i < va.Length; i++)
        {
            sum += va[i] * vb[i];
        }
        var total = Vector.Sum(sum);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }
        return total;
    }

    private static void AddScaled(Span<float> into, ReadOnlySpan<float> x, float scale)
    {
        var vi = MemoryMarshal.Cast<float, Vector<float>>(into);
        var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
        var s = new Vector<float>(scale);
        for (var i = 0; i < vi.Length; i++)
        {
            vi[i] += vx[i] * s;
        }
        for (var i = vi.Length * Vector<float>.Count; i < into.Length; i++)
        {
            into[i] += x[i] * scale;
        }
    }

    /// <summary>Adam: a step size per weight, so rare tools' weights move as fast as common ones'.</summary>
    private sealed class Adam(int size, float rate)
    {
        private const float Beta1 = 0.9f;
        private const float Beta2 = 0.999f;
        private readonly float[] _first = new float[size];
        private readonly float[] _second = new float[size];

        public void Step(int t, float[] weights, float[] gradient, float[] bias, float[] biasGradient)
        {
            var correction1 = 1 - MathF.Pow(Beta1, t);
            var correction2 = 1 - MathF.Pow(Beta2, t);
            Update(weights, gradient, 0, correction1, correction2);
            Update(bias, biasGradient, weights.Length, correction1, correction2);
        }

        private void Update(float[] values, float[] gradient, int offset, float correction1, float correction2)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var m = _first[offset + i] = (Beta1 * _first[offset + i]) + ((1 - Beta1) * gradient[i]);
                var v = _second[offset + i] = (Beta2 * _second[offset + i]) + ((1 - Beta2) * gradient[i] * gradient[i]);
                values[i] -= rate * (m / correction1) / (MathF.Sqrt(v / correction2) + 1e-8f);
            }
        }
    }
}
