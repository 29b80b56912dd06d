using System.Collections.Concurrent;
using System.Diagnostics;
using LessData.Augmentation;
using LessData.Selection;
using LessData.Torch;
using LessData.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace LessData.Training;

/// <summary>
/// The augment stage on a background thread: gathers each batch from the one dataset tensor (index_select), applies the
/// batched transform and queues it, so the training step never waits when the producer keeps up. The consumer owns
/// (and disposes) every batch it takes. Randomness comes only from the generator handed in, so results do not depend
/// on timing.
/// </summary>
internal sealed class BatchProducer : IDisposable
{
    private readonly BlockingCollection<PreparedBatch> _queue;
    private readonly CancellationTokenSource _cancel = new();
    private readonly Thread _worker;
    private Exception? _failure;
    private long _producerTicks;

    public BatchProducer(ImageDataset data, IBatchTransform transform, IReadOnlyList<Batch> batches, Generator? generator, int capacity = 3)
    {
        _queue = new BlockingCollection<PreparedBatch>(Math.Max(1, capacity));
        _worker = new Thread(() => Produce(data, transform, batches, generator)) { IsBackground = true, Name = "lessdata-batches" };
        _worker.Start();
    }

    /// <summary>Seconds the producer thread spent gathering and augmenting (its own time, overlapped with training).</summary>
    public double ProducerSeconds => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _producerTicks)).TotalSeconds;

    /// <summary>Seconds the consumer spent blocked waiting for a batch.</summary>
    public double WaitSeconds { get; private set; }

    public IEnumerable<PreparedBatch> Consume()
    {
        while (true)
        {
            long start = Stopwatch.GetTimestamp();
            bool got = _queue.TryTake(out var batch, Timeout.Infinite);
            WaitSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (!got) break;
            yield return batch!;
        }
        if (_failure is not null) throw new InvalidOperationException("batch preparation failed: " + _failure.Message, _failure);
    }

    private void Produce(ImageDataset data, IBatchTransform transform, IReadOnlyList<Batch> batches, Generator? generator)
    {
        try
        {
            foreach (var batch in batches)
            {
                long start = Stopwatch.GetTimestamp();
                PreparedBatch prepared;
                using (var scope = torch.NewDisposeScope())
                {
                    var idx = batch.IndexTensor();
                    var raw = data.ImageTensor.index_select(0, idx);
                    var x = generator is null ? transform.Test(raw) : transform.Train(raw, generator);
                    var y = data.LabelTensor.index_select(0, idx);
                    prepared = new PreparedBatch(
                        x.contiguous().DetachFromDisposeScope(), y.DetachFromDisposeScope(), idx.DetachFromDisposeScope(),
                        batch.Count);
                }
                Interlocked.Add(ref _producerTicks, Stopwatch.GetTimestamp() - start);
                try
                {
                    _queue.Add(prepared, _cancel.Token);
                }
                catch (OperationCanceledException)
                {
                    prepared.Dispose();
                    return;
                }
            }
        }
        catch (Exception e)
        {
            _failure = e;
        }
        finally
        {
            _queue.CompleteAdding();
        }
    }

    public void Dispose()
    {
        _cancel.Cancel();
        while (_queue.TryTake(out var left)) left.Dispose();
        _worker.Join();
        while (_queue.TryTake(out var left)) left.Dispose();
        _queue.Dispose();
        _cancel.Dispose();
    }
}
