using System.Diagnostics;

namespace OperatorOne.Channels.Voice.Speech;

/// <summary>Runs a speech tool with arguments (never through a shell) and a deadline; a late or cancelled run is killed.</summary>
internal static class SpeechProcess
{
    public static async Task<byte[]> RunAsync(string fileName, IEnumerable<string> arguments, string? input, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new SpeechException($"{fileName} did not start.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), deadline.Token);
            }
            process.StandardInput.Close();
            using var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output, deadline.Token);
            var errors = process.StandardError.ReadToEndAsync(deadline.Token);
            await Task.WhenAll(reading, errors);
            await process.WaitForExitAsync(deadline.Token);
            if (process.ExitCode != 0)
            {
                var error = (await errors).Trim();
                throw new SpeechException($"{Path.GetFileName(fileName)} failed ({process.ExitCode}): {error[..Math.Min(error.Length, 300)]}");
            }
            return output.ToArray();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new SpeechException($"{Path.GetFileName(fileName)} took longer than {timeout.TotalSeconds:0} s and was stopped.");
        }
    }
}

/// <summary>A speech engine failed; the call hears an apology instead of the answer and goes on.</summary>
internal sealed class SpeechException(string message, Exception? inner = null) : Exception(message, inner);
