using System.Threading.Channels;

namespace Puente.Web.Database;

/// <summary>
/// Work that callers hand in one at a time and the database does for many at once (group commit): each caller
/// waits for its own item's answer, and the items queued together share one round trip. Nothing waits to fill a
/// batch: a worker takes whatever is queued when it is free, so a lone item goes at once and a surge's items ride
/// together. <see cref="Workers"/> batches run side by side, so the database works on one while the next gathers.
/// </summary>
/// <remarks>
/// An item handed in is done even if its caller stops waiting (the request was aborted): the caller's retry with
/// the same Idempotency-Key then finds it. Disposing completes the queue and waits until every item queued is done.
/// </remarks>
internal sealed class BatchQueue<TItem, TResult> : IAsyncDisposable, IDisposable
{
    /// <summary>A queued item and the answer its caller waits for; the batch sets one or the other.</summary>
    public sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;
        internal TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        /// <summary>The item's answer once its batch has given it.</summary>
        public Task<TResult> Answered => Done.Task;
        public void Answer(TResult result) => Done.TrySetResult(result);
        public void Fail(Exception exception) => Done.TrySetException(exception);
    }

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly Func<IReadOnlyList<Pending>, CancellationToken, Task> runBatch;
    private readonly Func<TItem, int> weight;
    private readonly int maxWeight;
    private readonly Task[] workers;

    /// <param name="runBatch">Does a batch's work and answers every item in it; an item it leaves unanswered
    /// gets the exception it threw, or one saying it was left.</param>
    /// <param name="weight">What an item counts for against <paramref name="maxWeight"/> (e.g. its statements).</param>
    /// <param name="maxWeight">A batch stops growing before it would pass this; an item heavier than it goes alone.</param>
    public BatchQueue(Func<IReadOnlyList<Pending>, CancellationToken, Task> runBatch, Func<TItem, int> weight, int maxWeight)
    {
        this.runBatch = runBatch;
        this.weight = weight;
        this.maxWeight = maxWeight;
        workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(Work)).ToArray();
    }

    /// <summary>Batches at once: one per core, at least two, so the database always has the next one ready.</summary>
    public static int Workers { get; } = Math.Clamp(Environment.ProcessorCount, 2, 16);

    /// <summary>Queues the item and waits for its answer (or its own failure).</summary>
    public async Task<TResult> Run(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item);
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(pending), this);
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task Work()
    {
        var reader = queue.Reader;
        var batch = new List<Pending>();
        Pending? carried = null;
        while (carried is not null || await reader.WaitToReadAsync(CancellationToken.None))
        {
            var total = 0;
            if (carried is not null)
            {
                batch.Add(carried);
                total = weight(carried.Item);
                carried = null;
            }
            while (total < maxWeight && reader.TryRead(out var next))
            {
                var w = weight(next.Item);
                if (batch.Count > 0 && total + w > maxWeight)
                {
                    carried = next;
                    break;
                }
                batch.Add(next);
                total += w;
            }
            if (batch.Count == 0)
            {
                continue;
            }
            try
            {
                await runBatch(batch, CancellationToken.None);
                foreach (var pending in batch)
                {
                    pending.Fail(new InvalidOperationException("The batch left this item unanswered."));
                }
            }
            catch (Exception e)
            {
                foreach (var pending in batch)
                {
                    pending.Fail(e);
                }
            }
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(workers);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
