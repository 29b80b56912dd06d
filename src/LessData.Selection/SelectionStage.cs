namespace LessData.Selection;

/// <summary>
/// The data-selection stage of a training loop (paper Fig. 2): once per epoch, <see cref="Plan"/> says which images
/// the model trains on; the loop hands each batch's per-sample losses back with <see cref="Observe(ReadOnlySpan{int}, ReadOnlySpan{float})"/> so score-based
/// selectors can rank the samples. Everything is checked in <c>Create</c>, so a stage that exists can run to the end.
/// Score rules: a sample's score is its latest training loss; +inf means never seen, NaN counts as unseen; a selector
/// that needs scores refuses to plan the next epoch until the last one's losses were observed. Evaluations = images
/// trained on = Σ over epochs of the plan's size; <see cref="PredictedEvaluations"/> is the method's formula.
/// </summary>
public sealed class SelectionStage
{
    private readonly float[] _scores;
    private readonly int[]? _labels;
    private int _nextEpoch;
    private bool _awaitingScores;

    private SelectionStage(ISchedule schedule, ISelector selector, int trainSize, int epochs, int seed, int[]? labels, SubsetPolicy policy, bool stratify)
    {
        Schedule = schedule;
        Selector = selector;
        TrainSize = trainSize;
        Epochs = epochs;
        Seed = seed;
        Policy = policy;
        Stratify = stratify;
        _labels = labels;
        _scores = new float[trainSize];
        Array.Fill(_scores, float.PositiveInfinity);
    }

    /// <summary>Parses the specs ("step:0.25@0.5", "loss:hard=0.5,unbiased") and creates the stage.</summary>
    /// <exception cref="SelectionException">A malformed spec, an out-of-range value or an impossible combination.</exception>
    public static SelectionStage Create(string schedule, string selector, int trainSize, int epochs, int seed,
        IReadOnlyList<int>? labels = null, SubsetPolicy? policy = null, bool stratify = false) =>
        Create(ScheduleParser.Parse(schedule), SelectorParser.Parse(selector), trainSize, epochs, seed, labels, policy, stratify);

    /// <summary>Creates the stage from typed parts. <paramref name="labels"/> may be null; <paramref name="policy"/> null = the schedule's own.</summary>
    /// <exception cref="SelectionException">An out-of-range value or an impossible combination.</exception>
    public static SelectionStage Create(ISchedule schedule, ISelector selector, int trainSize, int epochs, int seed,
        IReadOnlyList<int>? labels = null, SubsetPolicy? policy = null, bool stratify = false)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(selector);
        if (trainSize < 1) throw new SelectionException("trainSize", $"the training set must hold at least 1 image (got {trainSize})");
        if (epochs < 1) throw new SelectionException("epochs", $"epochs must be at least 1 (got {epochs})");
        if (labels is not null && labels.Count != trainSize)
            throw new SelectionException("labels", $"labels has {labels.Count} entries for a training set of {trainSize} images");
        if (stratify && labels is null) throw new SelectionException("stratify", "stratified subsets need the labels");
        selector.Validate(schedule, epochs);
        return new SelectionStage(schedule, selector, trainSize, epochs, seed, labels?.ToArray(), policy ?? schedule.DefaultPolicy, stratify);
    }

    /// <summary>How many images each epoch uses.</summary>
    public ISchedule Schedule { get; }

    /// <summary>Which images fill each epoch.</summary>
    public ISelector Selector { get; }

    /// <summary>Images in the training set (n).</summary>
    public int TrainSize { get; }

    /// <summary>Epochs in the run (E).</summary>
    public int Epochs { get; }

    /// <summary>The run's seed.</summary>
    internal int Seed { get; }

    /// <summary>Redraw or nested subsets.</summary>
    internal SubsetPolicy Policy { get; }

    /// <summary>Class-balanced subsets.</summary>
    internal bool Stratify { get; }

    /// <summary>Each sample's latest training loss (+inf = never seen).</summary>
    public IReadOnlyList<float> Scores => _scores;

    /// <summary>The evaluations the method's formula predicts for the whole run, or null when the losses decide (InfoBatch without a target).</summary>
    public long? PredictedEvaluations => Selector.PredictedEvaluations(Schedule, Epochs, TrainSize);

    /// <summary>The evaluations counted so far: the sizes of the epochs planned, each epoch once.</summary>
    public long CountedEvaluations { get; private set; }

    /// <summary>The plan for one 0-based epoch. Deterministic for (seed, epoch, scores).</summary>
    public EpochPlan Plan(int epoch)
    {
        if (epoch < 0 || epoch >= Epochs) throw new ArgumentOutOfRangeException(nameof(epoch), $"epoch {epoch} is outside [0, {Epochs})");
        if (_awaitingScores && epoch >= _nextEpoch)
            throw new InvalidOperationException($"selector '{Selector.Spec}' ranks samples by loss, but the losses of epoch {_nextEpoch - 1} were not observed; call Observe with each batch's per-sample losses before planning epoch {epoch}");
        int budget = Schedule.ImagesAt(epoch, Epochs, TrainSize);
        var chosen = Selector.Select(new SelectionRequest(epoch, Epochs, TrainSize, budget, Seed, Policy, Stratify, _labels, _scores) { Schedule = Schedule });
        double fraction = Selector.SetsEpochSize ? (double)chosen.Indices.Length / TrainSize : Schedule.FractionAt(epoch, Epochs);
        long before = CountedEvaluations;
        if (epoch >= _nextEpoch)
        {
            CountedEvaluations += chosen.Indices.Length;
            _nextEpoch = epoch + 1;
            _awaitingScores = Selector.NeedsScores && chosen.Indices.Length > 0;
        }
        else
        {
            before = -1; // a re-planned earlier epoch: its place in the run is no longer tracked
        }
        return new EpochPlan(epoch, chosen, budget, fraction, Seed, Math.Max(0, before));
    }

    /// <summary>
    /// Records the per-sample training losses of a whole epoch: <paramref name="losses"/> parallel to
    /// <paramref name="plan"/>'s <see cref="EpochPlan.Indices"/>.
    /// </summary>
    public void Observe(EpochPlan plan, ReadOnlySpan<float> losses)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Observe(plan.IndexArray, losses);
    }

    /// <summary>Records the per-sample training losses of a batch (score-based selectors rank by them).</summary>
    public void Observe(ReadOnlySpan<int> indices, ReadOnlySpan<float> losses)
    {
        if (indices.Length != losses.Length) throw new ArgumentException($"{indices.Length} indices but {losses.Length} losses", nameof(losses));
        for (int k = 0; k < indices.Length; k++)
        {
            int i = indices[k];
            if ((uint)i >= (uint)TrainSize) throw new ArgumentOutOfRangeException(nameof(indices), $"index {i} is outside [0, {TrainSize})");
            _scores[i] = losses[k];
        }
        _awaitingScores = false;
    }

    /// <summary>
    /// Progress through training in [0, 1] for a learning-rate schedule, after <paramref name="imagesIntoEpoch"/> images of
    /// <paramref name="plan"/>. ImagesSeen divides by the predicted evaluations (E·n when the losses decide).
    /// </summary>
    public double Progress(EpochPlan plan, int imagesIntoEpoch, LearningRateClock clock)
    {
        ArgumentNullException.ThrowIfNull(plan);
        double within = plan.Count == 0 ? 1 : Math.Clamp((double)imagesIntoEpoch / plan.Count, 0, 1);
        if (clock == LearningRateClock.Epoch) return (plan.Epoch + within) / Epochs;
        double total = PredictedEvaluations ?? (double)Epochs * TrainSize;
        return Math.Clamp((plan.EvaluationsBefore + within * plan.Count) / total, 0, 1);
    }

    /// <summary>Writes the stage's state (specs, position, scores) so <see cref="Load"/> resumes exactly.</summary>
    public void Save(Stream stream) => SelectionStageState.Write(stream, new SelectionStageState(
        SelectionStageState.CurrentFormat, Schedule.Spec, Selector.Spec, TrainSize, Epochs, Seed, Policy, Stratify,
        _labels, _nextEpoch, CountedEvaluations, _awaitingScores, _scores));

    /// <summary>
    /// Reads a stage written by <see cref="Save"/>. A selector of your own cannot be parsed from its name: pass it as
    /// <paramref name="selector"/> (its Spec must match the saved one).
    /// </summary>
    /// <exception cref="SelectionException">The stream is not a saved stage, or the selector does not match.</exception>
    public static SelectionStage Load(Stream stream, ISelector? selector = null)
    {
        var s = SelectionStageState.Read(stream);
        if (selector is not null && selector.Spec != s.Selector)
            throw new SelectionException("selector", $"the saved stage used selector '{s.Selector}', not '{selector.Spec}'");
        var stage = Create(ScheduleParser.Parse(s.Schedule), selector ?? SelectorParser.Parse(s.Selector), s.TrainSize, s.Epochs, s.Seed, s.Labels, s.Policy, s.Stratify);
        if (s.Scores.Length != s.TrainSize) throw new SelectionException("state", $"the saved stage holds {s.Scores.Length} scores for {s.TrainSize} images");
        s.Scores.CopyTo(stage._scores, 0);
        stage._nextEpoch = s.NextEpoch;
        stage.CountedEvaluations = s.CountedEvaluations;
        stage._awaitingScores = s.AwaitingScores;
        return stage;
    }
}
