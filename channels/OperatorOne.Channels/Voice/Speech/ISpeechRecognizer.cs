namespace OperatorOne.Channels.Voice.Speech;

/// <summary>Speech to text for one utterance. A speech engine is a real seam: offline pocketsphinx or Azure.</summary>
internal interface ISpeechRecognizer
{
    /// <summary>
    /// The words in <paramref name="audio"/> (16-bit PCM, 8 kHz mono), or null when nothing usable was heard (noise,
    /// or speech outside what the bot understands at this point). <paramref name="grammar"/> says what it understands.
    /// </summary>
    Task<string?> RecognizeAsync(short[] audio, SpeechGrammar grammar, CancellationToken cancellationToken);
}

/// <summary>Text to speech, as 8 kHz μ-law ready for a Media Stream.</summary>
internal interface ISpeechSynthesizer
{
    Task<byte[]> SynthesizeAsync(string text, CancellationToken cancellationToken);
}
