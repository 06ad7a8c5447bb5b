using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Bodies;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Rules;
using GovOpenness.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace GovOpenness.Grains;

/// <summary>
/// One administrative body. This file: identity, the hierarchy (departments are added here) and the plan
/// as it stood at an instant (the versions kept by its <see cref="PlanVersionLog"/>).
/// BodyGrain.Plans.cs: publishing and localizing. BodyGrain.Delivery.cs: the delivery protocol with parent
/// and children, the deliveries in flight kept by its <see cref="Delivery.ChildDeliveries"/>.
/// </summary>
[GrainType("body")]
public sealed partial class BodyGrain : Grain, IBodyGrain, IBodyDeliveryGrain, IBodyDiagnosticsGrain
{
    private readonly IBodyCatalog _catalog;
    private readonly CascadeOptions _options;
    private readonly ILogger<BodyGrain> _logger;
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.China;
    private readonly LazyState<BodyProfile> _profile;
    private readonly LazyState<PlanBook> _plans;
    private readonly LazyState<Outbox> _outbox;
    private readonly PlanVersionLog _versions;
    private readonly OnceUnlessFailed _loading;
    private readonly OnceUnlessFailed _announcing;
    private bool _announced;

    /// <summary>Children's notes not yet answered, by child (<see cref="NoteChildStateAsync"/>).</summary>
    private readonly Dictionary<string, Task> _childNotes = new(StringComparer.Ordinal);

    public BodyGrain(IBodyCatalog catalog, IOptions<CascadeOptions> options, IServiceProvider services, ILogger<BodyGrain> logger)
    {
        _catalog = catalog;
        _options = options.Value;
        _logger = logger;
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Plans);
        var grainId = this.GetGrainId();
        _profile = new(storage, "body-profile", grainId, DeactivateOnIdle);
        _plans = new(storage, "body-plans", grainId, DeactivateOnIdle);
        _outbox = new(storage, "body-outbox", grainId, DeactivateOnIdle);
        _versions = new(storage, grainId, DeactivateOnIdle, () => services.GetRequiredService<ProgressClock>().Time.GetUtcNow());
        _loading = new(() => Task.WhenAll(_profile.ReadAsync(), _plans.ReadAsync(), _outbox.ReadAsync()));
        _announcing = new(async () =>
        {
            if (ParentId is { } parentId)
            {
                await Peer(parentId).NoteChildStateAsync(Id);
                _announced = true;
            }
        });
    }

    private string Id => this.GetPrimaryKeyString();

    private IBodyGrain Body(string id) => GrainFactory.GetGrain<IBodyGrain>(id);

    /// <summary>Another body, as a party to the delivery protocol (parent, child).</summary>
    private IBodyDeliveryGrain Peer(string id) => GrainFactory.GetGrain<IBodyDeliveryGrain>(id);

    /// <summary>Reads this body's own state once; later calls reuse the same read (a failed one is tried again).</summary>
    private Task EnsureLoadedAsync() => _loading.RunAsync();

    /// <summary>Marks state as known-empty without reading it (the parent said there is none).</summary>
    private void AssumeNoState() => _loading.MarkDone();

    private string? ParentId => _catalog.Find(Id)?.ParentId ?? _profile.State.ParentId;

    private IEnumerable<string> ChildIds => _catalog.ChildrenOf(Id).Concat(_profile.State.Departments);

    public async Task<BodyInfo?> GetInfoAsync()
    {
        if (_catalog.Find(Id) is { } body)
        {
            return new BodyInfo(body.Id, body.Name, body.ParentId, body.Level);
        }

        if (!BodyId.TryGetLevel(Id, out var level, out _) || level != BodyLevel.Department)
        {
            return null;
        }

        await EnsureLoadedAsync();
        if (_profile.State.Name is { } name)
        {
            return new BodyInfo(Id, name, _profile.State.ParentId, level);
        }

        // No such department: leave nothing behind (a registration under way still completes first).
        DeactivateOnIdle();
        return null;
    }

    public async Task<IReadOnlyList<string>> GetAncestryAsync()
    {
        if (await GetInfoAsync() is not { } info)
        {
            return [];
        }

        var above = info.ParentId is { } parent ? await Peer(parent).GetAncestryAsync() : [];
        return [Id, .. above];
    }

    public async Task<CommandResult<BodyView>> GetViewAsync(int skip, int take)
    {
        if (await GetInfoAsync() is not { } info)
        {
            return CommandResult<BodyView>.Fail(FailureKind.NotFound, $"机构“{Id}”不存在");
        }

        await EnsureLoadedAsync();
        var parent = info.ParentId is { } parentId ? await Body(parentId).GetInfoAsync() : null;
        var all = ChildIds.ToList();
        var page = all.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)).ToList();
        var children = await Task.WhenAll(page.Select(ChildInfoAsync));
        var years = _plans.State.Years.Keys.Order().ToList();
        return CommandResult<BodyView>.Ok(new BodyView(info, parent, [.. children.OfType<BodyInfo>()], all.Count, skip, years));
    }

    private Task<BodyInfo?> ChildInfoAsync(string id) =>
        _catalog.Find(id) is { } b
            ? Task.FromResult<BodyInfo?>(new BodyInfo(b.Id, b.Name, b.ParentId, b.Level))
            : Body(id).GetInfoAsync();

    public async Task<CommandResult<BodyInfo>> RegisterDepartmentAsync(DepartmentRegistration registration)
    {
        if (!BodyId.TryGetLevel(Id, out var level, out var error))
        {
            return CommandResult<BodyInfo>.Fail(FailureKind.Invalid, error);
        }

        if (level != BodyLevel.Department || registration.Id != Id)
        {
            return CommandResult<BodyInfo>.Fail(FailureKind.Invalid, $"“{Id}”不是部门编码：部门编码形如“14.sthj”（区划代码.英文简称）");
        }

        var name = registration.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            return CommandResult<BodyInfo>.Fail(FailureKind.Invalid, $"部门“{Id}”的名称须为1到100个字");
        }

        await EnsureLoadedAsync();
        if (_profile.State.Name is { } existing)
        {
            return existing == name && _profile.State.ParentId == registration.ParentId
                ? CommandResult<BodyInfo>.Ok(new BodyInfo(Id, name, registration.ParentId, level))
                : CommandResult<BodyInfo>.Fail(FailureKind.Conflict, $"部门“{Id}”已登记为“{existing}”（上级“{_profile.State.ParentId}”）");
        }

        var parent = Body(registration.ParentId ?? "");
        if (string.IsNullOrWhiteSpace(registration.ParentId) || await parent.GetInfoAsync() is null)
        {
            return CommandResult<BodyInfo>.Fail(FailureKind.NotFound, $"部门“{Id}”的上级机构“{registration.ParentId}”不存在");
        }

        if ((await Peer(registration.ParentId!).GetAncestryAsync()).Contains(Id, StringComparer.Ordinal))
        {
            return CommandResult<BodyInfo>.Fail(FailureKind.Invalid, $"把“{registration.ParentId}”作为部门“{Id}”的上级会形成循环");
        }

        // The parent records the child first: a crash in between leaves a listed child without a name
        // (skipped, fixed by retrying), never a registered child its parent does not deliver to.
        await Peer(registration.ParentId!).AttachDepartmentAsync(Id);
        _profile.State.Name = name;
        _profile.State.ParentId = registration.ParentId;
        _announced = true;
        await _profile.WriteAsync();
        return CommandResult<BodyInfo>.Ok(new BodyInfo(Id, name, registration.ParentId, level));
    }

    public async Task AttachDepartmentAsync(string childId)
    {
        await EnsureLoadedAsync();
        if (_profile.State.Departments.Contains(childId))
        {
            return;
        }

        _profile.State.Departments.Add(childId);
        if (!_profile.State.ChildrenWithState.Contains(childId))
        {
            _profile.State.ChildrenWithState.Add(childId);
        }

        await AnnounceStateToParentAsync();
        await _profile.WriteAsync();
    }

    /// <remarks>
    /// Interleaves (a group commit): the children that note themselves while a profile write is in flight share
    /// the next one (<see cref="LazyState{T}.WriteAsync"/>), so children issuing at the same moment cost their
    /// parent two profile writes, not one each, one after another, with each child's issue waiting for its own.
    /// Each note is answered only once a write that holds its child is stored; a failed one forgets its child,
    /// so the retry writes it again. A note for a child already noted waits for that child's write.
    /// </remarks>
    public async Task NoteChildStateAsync(string childId)
    {
        await EnsureLoadedAsync();
        if (_childNotes.TryGetValue(childId, out var noting))
        {
            await noting;
            return;
        }

        if (_profile.State.ChildrenWithState.Contains(childId))
        {
            await _profile.StoredAsync();
            return;
        }

        _profile.State.ChildrenWithState.Add(childId);
        var note = StoreChildNoteAsync(childId);
        _childNotes[childId] = note;
        try
        {
            await note;
        }
        finally
        {
            _childNotes.Remove(childId);
        }
    }

    public Task WaitForQueuedProfileChangesAsync(int count) => _profile.QueuedAsync(count);

    private async Task StoreChildNoteAsync(string childId)
    {
        try
        {
            await AnnounceStateToParentAsync();
            await _profile.WriteAsync();
        }
        catch
        {
            // Not stored (or not known to be): the retry adds it and writes again.
            _profile.State.ChildrenWithState.Remove(childId);
            throw;
        }
    }

    /// <summary>
    /// Before this body first writes state, its parent must know, or a later delivery would tell this
    /// body it has none. The parent writes only the first time; later calls are cheap no-ops. One call at
    /// a time: an issue and the notes of children interleaving with it share it.
    /// </summary>
    private Task AnnounceStateToParentAsync() =>
        _announced || ParentId is null ? Task.CompletedTask : _announcing.RunAsync();

    /// <summary>Appends the year's current own version to the log (a retry appends nothing).</summary>
    private Task RecordVersionAsync(int year) => _versions.RecordAsync(year, _plans.State.Years[year]);

    public async Task<CommandResult<EffectivePlan>> GetPlanAsOfAsync(int year, DateTimeOffset asOf)
    {
        if (await GetInfoAsync() is null)
        {
            return CommandResult<EffectivePlan>.Fail(FailureKind.NotFound, $"机构“{Id}”不存在");
        }

        var chinaTime = asOf.ToOffset(ChinaTime.Offset).ToString("yyyy年M月d日 HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return await GetDeliveryAsOfAsync(year, asOf) is { } then
            ? CommandResult<EffectivePlan>.Ok(then.Plan)
            : CommandResult<EffectivePlan>.Fail(FailureKind.NotFound, $"“{Id}”在{chinaTime}（北京时间）还没有{year}年的计划：本级和上级都未发布");
    }

    /// <summary>
    /// The plan as it stood at an earlier instant: this body's own part then (from its version log) on
    /// the parent's plan then, asked of the parent the same way, up to the origin.
    /// </summary>
    public async Task<PlanDelivery?> GetDeliveryAsOfAsync(int year, DateTimeOffset asOf)
    {
        await EnsureLoadedAsync();
        var version = await _versions.VersionAtAsync(year, _plans.State.Years.GetValueOrDefault(year), asOf);
        if (version is { Own: { } own })
        {
            return new PlanDelivery(year, PlanDerivation.FromOwn(Id, own, version.OwnVersion), version.Policy);
        }

        if (ParentId is not { } parentId || await Peer(parentId).GetDeliveryAsOfAsync(year, asOf) is not { } parent)
        {
            return null;
        }

        var plan = PlanDerivation.Derive(Id, parent.Plan, version?.Policy ?? parent.Policy, version?.Changes ?? [], version?.LocalRevision ?? 0, _calendar);
        return new PlanDelivery(year, plan, version?.Policy ?? parent.Policy);
    }

    /// <summary>
    /// Tells the body's progress grain that its plan for the year was received, localized or published,
    /// so subtree summaries count it. Through the silo's <see cref="MilestoneRelay"/>: the note is stored
    /// durably before this returns (a silo's death loses none), then sent at a steady pace, so delivery
    /// never waits on progress and a cascade does not wake every progress grain at once. The progress
    /// grain keeps each milestone's earliest day, so a re-delivery (e.g. after a restart) is harmless.
    /// </summary>
    private Task NoteMilestoneAsync(int year, PlanMilestoneKind kind) =>
        ServiceProvider.GetRequiredService<MilestoneRelay>().NoteAsync(Id, year, kind);
}
