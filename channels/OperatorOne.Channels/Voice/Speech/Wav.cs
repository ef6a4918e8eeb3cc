using System.Buffers.Binary;
using System.Text;

namespace OperatorOne.Channels.Voice.Speech;

/// <summary>16-bit PCM mono RIFF/WAV, written for recognizers and read from espeak-ng (whose streamed sizes are placeholders).</summary>
internal static class Wav
{
    public static byte[] Write(ReadOnlySpan<short> samples, int sampleRate)
    {
        var data = samples.Length * 2;
        var wav = new byte[44 + data];
        var span = wav.AsSpan();
        Encoding.ASCII.GetBytes("RIFF", span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + data);
        Encoding.ASCII.GetBytes("WAVEfmt ", span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        Encoding.ASCII.GetBytes("data", span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], data);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + 2 * i)..], samples[i]);
        }
        return wav;
    }

    /// <summary>The samples and rate of a 16-bit mono PCM WAV; a data size past the end (streamed output) means "to the end".</summary>
    public static (short[] Samples, int SampleRate) Read(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
        {
            throw new SpeechException("The synthesizer did not return a WAV file.");
        }
        var rate = 0;
        var position = 12;
        while (position + 8 <= wav.Length)
        {
            var id = wav.Slice(position, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(wav[(position + 4)..]);
            var body = position + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (BinaryPrimitives.ReadInt16LittleEndian(wav[(body + 2)..]) != 1 || BinaryPrimitives.ReadInt16LittleEndian(wav[(body + 14)..]) != 16)
                {
                    throw new SpeechException("The synthesizer's WAV is not 16-bit mono PCM.");
                }
                rate = BinaryPrimitives.ReadInt32LittleEndian(wav[(body + 4)..]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                var end = size < 0 || body + (long)size > wav.Length ? wav.Length : body + size;
                var bytes = wav[body..end];
                var samples = new short[bytes.Length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]);
                }
                return rate > 0 ? (samples, rate) : throw new SpeechException("The WAV has no format chunk before its data.");
            }
            position = body + size + (size & 1);
        }
        throw new SpeechException("The WAV has no data.");
    }
}
