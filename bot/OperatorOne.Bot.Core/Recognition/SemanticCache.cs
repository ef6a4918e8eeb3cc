using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// The embedded examples and the trained classifier on disk, keyed by a hash of the model, the scoring, the training
/// settings and every example: a restart with the same labelled lines reads them (milliseconds) instead of embedding
/// and training again (seconds); any change to the lines or the model is a new key, so a stale file is never read.
/// </summary>
public static class SemanticCache
{
    private const string Magic = "OperatorOne.SemanticModel.v1";

    /// <summary>Where a process keeps it unless `Recognition__Cache` says otherwise.</summary>
    public static string DefaultFolder()
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(local.Length > 0 ? local : Path.GetTempPath(), "OperatorOne", "recognition");
    }

    public static string Key(string model, IReadOnlyList<IntentExample> examples, IntentScoring scoring, IntentClassifier.Settings settings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{Magic}\n{model}\n{scoring}\n{settings}\n"));
        foreach (var example in examples)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{example.Tool}\t{example.Text}\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string PathOf(string folder, string key) => Path.Combine(folder, key + ".bin");

    /// <summary>The cached vectors and classifier, or null when absent or unreadable (then the caller builds and saves).</summary>
    public static (float[][] Vectors, IntentClassifier? Classifier)? TryLoad(string folder, string key, int examples)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(PathOf(folder, key)), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != examples)
            {
                return null;
            }
            var dimensions = reader.ReadInt32();
            if (dimensions is <= 0 or > 10_000)
            {
                return null;
            }
            var vectors = new float[examples][];
            for (var i = 0; i < examples; i++)
            {
                vectors[i] = new float[dimensions];
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(vectors[i].AsSpan()));
            }
            var classifier = reader.ReadBoolean() ? IntentClassifier.Read(reader) : null;
            return (vectors, classifier);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Written to a temporary file and moved into place, so a reader never sees half a file; failure only costs the next start its time.</summary>
    public static bool TrySave(string folder, string key, float[][] vectors, IntentClassifier? classifier)
    {
        var temporary = Path.Combine(folder, $"{key}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(vectors.Length);
                writer.Write(vectors[0].Length);
                foreach (var vector in vectors)
                {
                    writer.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
                }
                writer.Write(classifier is not null);
                classifier?.Write(writer);
            }
            File.Move(temporary, PathOf(folder, key), overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: a leftover .tmp file is never read.
            }
            return false;
        }
    }
}
