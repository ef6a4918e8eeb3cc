namespace OperatorOne.Channels.Voice.Media;

/// <summary>Sample-rate conversion for 16-bit mono audio: telephone 8 kHz to the 16 kHz recognizers expect, and back.</summary>
internal static class Resampler
{
    /// <summary>
    /// 8 kHz to 16 kHz for pocketsphinx: every other sample zero, so the 0–4 kHz spectrum is mirrored into 4–8 kHz.
    /// Its 16 kHz acoustic model was trained on wideband speech; an interpolated (empty upper band) signal made it
    /// hear "help" for nearly everything, the mirrored image recognizes the same phrases correctly.
    /// </summary>
    public static short[] Mirror8kTo16k(ReadOnlySpan<short> samples)
    {
        var output = new short[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            output[2 * i] = samples[i];
        }
        return output;
    }

    /// <summary>
    /// Linear interpolation; when lowering the rate a moving average over one output period first removes most of
    /// what would alias. Plenty for speech on a phone line.
    /// </summary>
    public static short[] Resample(ReadOnlySpan<short> samples, int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        if (fromRate == toRate || samples.Length == 0)
        {
            return samples.ToArray();
        }
        var source = fromRate > toRate ? LowPass(samples, (int)Math.Ceiling((double)fromRate / toRate)) : samples.ToArray();
        var length = (int)((long)samples.Length * toRate / fromRate);
        var output = new short[length];
        var step = (double)fromRate / toRate;
        for (var i = 0; i < length; i++)
        {
            var position = i * step;
            var index = (int)position;
            var next = Math.Min(index + 1, source.Length - 1);
            var fraction = position - index;
            output[i] = (short)Math.Round(source[index] + ((source[next] - source[index]) * fraction));
        }
        return output;
    }

    private static short[] LowPass(ReadOnlySpan<short> samples, int width)
    {
        var output = new short[samples.Length];
        long sum = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            sum += samples[i];
            if (i >= width)
            {
                sum -= samples[i - width];
            }
            output[i] = (short)(sum / Math.Min(i + 1, width));
        }
        return output;
    }
}
