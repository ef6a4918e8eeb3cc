using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Channels.Voice.Speech;

namespace OperatorOne.Channels.Voice.Media;

/// <summary>A caller's input: an utterance the VAD cut out, or a key pressed.</summary>
internal abstract record CallInput
{
    private CallInput() { }

    public sealed record Spoken(short[] Audio) : CallInput;

    public sealed record Keyed(string Digit) : CallInput;
}

/// <summary>
/// The talking half of a media session, one input at a time off the receive loop: speech to text (against what the
/// bot understands now), the turn through the core, the reply rendered for voice, text to speech, frames back.
/// Every turn gets its own DI scope (its own DbContext) because a call outlives any one request.
/// </summary>
internal sealed class CallConversation(
    MediaCaller caller, MediaSender sender, IServiceScopeFactory scopes, ISpeechRecognizer recognizer, ISpeechSynthesizer synthesizer,
    ToolRegistry tools, TimeSpan turnBudget, ILogger logger)
{
    public const string NotCaught = "Sorry, I didn't catch that. You can say my open tickets, or help.";
    public const string Goodbye = "Thank you for calling. Goodbye.";

    /// <summary>The voice PIN and read-back of risky requests run on Gather calls only; a stream never starts one.</summary>
    public const string RiskyRefusal = "For your security, that can't be done on this line. Please ask me in chat. Anything else?";

    private readonly Channel<CallInput> _inputs = Channel.CreateBounded<CallInput>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.DropOldest });
    /// <summary>How many budgets a stream waits for a slow turn's answer before it apologizes.</summary>
    private const int MaxHolds = 4;

    private IReadOnlyList<VoiceChoice> _choices = [];
    private int _step;

    /// <summary>Set when the caller said goodbye: the session ends once the farewell has played.</summary>
    public bool HangingUp { get; private set; }

    public void Post(CallInput input) => _inputs.Writer.TryWrite(input);

    public void Complete() => _inputs.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await GuardAsync(() => AnswerAsync(turns => turns.WelcomeAsync(caller, cancellationToken), step: 0, cancellationToken));
        await foreach (var input in _inputs.Reader.ReadAllAsync(cancellationToken))
        {
            await GuardAsync(() => HandleAsync(input, cancellationToken));
        }
    }

    /// <summary>A failing speech engine costs the caller this turn, never the call.</summary>
    private async Task GuardAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (SpeechException e)
        {
            logger.LogWarning("Speech engine failed on a call: {Reason}", e.Message);
        }
    }

    private async Task HandleAsync(CallInput input, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var text = input switch
        {
            CallInput.Keyed keyed => keyed.Digit,
            CallInput.Spoken spoken => await recognizer.RecognizeAsync(spoken.Audio, SpeechGrammar.For(tools, _choices.Select(c => c.Title)), cancellationToken),
            _ => null,
        };
        logger.LogInformation("Call input recognized as '{Text}' in {Elapsed} ms", text, clock.ElapsedMilliseconds);
        if (text is null)
        {
            await SpeakAsync(NotCaught, cancellationToken);
            return;
        }
        switch (VoiceDialog.Intent(text, tools))
        {
            case CallerIntent.Goodbye:
                await SpeakAsync(Goodbye, cancellationToken);
                HangingUp = true;
                return;
            case CallerIntent.Risky:
                await SpeakAsync(RiskyRefusal, cancellationToken);
                return;
        }
        var step = ++_step;
        await AnswerAsync(turns => turns.SayAsync(caller, step, text, cancellationToken), step, cancellationToken);
    }

    /// <summary>
    /// A caller's turn that outlasts the budget (a model thinking) was stored by the core: the caller hears the holding
    /// phrase, then the answer once the turn has committed it (here or on another replica).
    /// </summary>
    private async Task AnswerAsync(Func<StreamTurns, Task<TurnProgress>> turn, int step, CancellationToken cancellationToken)
    {
        VoiceAnswer? answer;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var turns = scope.ServiceProvider.GetRequiredService<StreamTurns>();
            var progress = await turn(turns);
            answer = progress.Answer;
            if (!progress.Finished)
            {
                await SpeakAsync(VoiceDialog.HoldingPhrase, cancellationToken);
                answer = await turns.WaitAsync(caller, step, turnBudget * MaxHolds, cancellationToken);
                if (answer is null)
                {
                    await SpeakAsync(VoiceDialog.Overdue, cancellationToken);
                    return;
                }
            }
        }
        if (answer is null)
        {
            return;
        }
        _choices = answer.Choices;
        await SpeakAsync(answer.Speech.Length > 0 ? answer.Speech : "Anything else?", cancellationToken);
    }

    private async Task SpeakAsync(string text, CancellationToken cancellationToken)
    {
        var audio = await synthesizer.SynthesizeAsync(text, cancellationToken);
        await sender.PlayAsync(audio, cancellationToken);
    }
}
