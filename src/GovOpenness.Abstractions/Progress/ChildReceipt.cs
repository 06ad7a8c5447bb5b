namespace GovOpenness.Abstractions.Progress;

/// <summary>
/// A leaf child received its parent's plan on <paramref name="Day"/>: noted at the parent, which
/// counts children that only follow without a progress record of their own.
/// </summary>
/// <param name="ChildId">The child that received the plan.</param>
/// <param name="Day">The day it received it (China time).</param>
/// <param name="ParentIssuedOn">When the parent issued it, as the parent holds it (null in a note).</param>
/// <param name="Leaves">
/// How many leaves of the child's own received it with the child (a township that only follows handed its
/// villages the plan it got, <c>ReceivedWithLeaves</c>): the parent counts them as the child's followers.
/// 0: the child alone.
/// </param>
[GenerateSerializer, Immutable, Alias("gov.ChildReceipt")]
public sealed record ChildReceipt([property: Id(0)] string ChildId, [property: Id(1)] DateOnly Day, [property: Id(2)] DateOnly? ParentIssuedOn = null, [property: Id(3)] int Leaves = 0);
