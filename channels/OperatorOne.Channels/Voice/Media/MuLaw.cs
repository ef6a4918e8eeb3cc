namespace OperatorOne.Channels.Voice.Media;

/// <summary>G.711 μ-law, the telephone codec of Twilio Media Streams: 8-bit samples at 8 kHz.</summary>
internal static class MuLaw
{
    private const int Bias = 0x84;
    private const int Clip = 32635;

    private static readonly short[] Table = BuildTable();

    public static short Decode(byte value) => Table[value];

    public static byte Encode(short sample)
    {
        var pcm = (int)sample;
        var sign = (pcm >> 8) & 0x80;
        if (sign != 0)
        {
            pcm = -pcm;
        }
        pcm = Math.Min(pcm, Clip) + Bias;
        var exponent = 7;
        for (var mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1)
        {
            exponent--;
        }
        var mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    public static short[] Decode(ReadOnlySpan<byte> encoded)
    {
        var samples = new short[encoded.Length];
        for (var i = 0; i < encoded.Length; i++)
        {
            samples[i] = Table[encoded[i]];
        }
        return samples;
    }

    public static byte[] Encode(ReadOnlySpan<short> samples)
    {
        var encoded = new byte[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            encoded[i] = Encode(samples[i]);
        }
        return encoded;
    }

    private static short[] BuildTable()
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            var value = ~i & 0xFF;
            var exponent = (value >> 4) & 0x07;
            var magnitude = ((((value & 0x0F) << 3) + Bias) << exponent) - Bias;
            table[i] = (short)((value & 0x80) != 0 ? -magnitude : magnitude);
        }
        return table;
    }
}
