using GovOpenness.Grains.Storage.Accounts;
using GovOpenness.Server.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace GovOpenness.Server.Authorization;

/// <summary>
/// The one place that decides what an account may do to a body, by how the body stands to the
/// account's own (own, direct child, deeper descendant, ancestor) and the account's roles.
/// </summary>
public sealed class BodyAuthorizationHandler(BodyAncestry ancestry) : AuthorizationHandler<BodyRequirement, BodyResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, BodyRequirement requirement, BodyResource resource)
    {
        if (AccountClaims.BodyOf(context.User) is not { } accountBody)
        {
            return;
        }

        var accountAncestors = (await ancestry.ResolveAsync(accountBody)).Ancestors;
        if (Allows(requirement.Operation, resource.RelationTo(accountBody, accountAncestors), AccountClaims.RolesOf(context.User)))
        {
            context.Succeed(requirement);
        }
    }

    /// <summary>The rule table itself (issue 10): relation × role → allowed.</summary>
    public static bool Allows(BodyOperation operation, BodyRelation relation, IReadOnlyList<string> roles)
    {
        var inSubtree = relation is BodyRelation.Own or BodyRelation.Child or BodyRelation.Descendant;
        return operation switch
        {
            BodyOperation.Read => inSubtree,
            BodyOperation.ReadPlan => inSubtree || relation == BodyRelation.Ancestor,
            BodyOperation.EditPlan => relation == BodyRelation.Own && roles.Contains(AccountRoles.Editor),
            BodyOperation.Report => relation == BodyRelation.Own && roles.Contains(AccountRoles.Reporter),
            BodyOperation.Review => relation == BodyRelation.Child && roles.Contains(AccountRoles.Reviewer),
            BodyOperation.Urge => relation is BodyRelation.Child or BodyRelation.Descendant && roles.Contains(AccountRoles.Reviewer),
            BodyOperation.UrgeFrom => relation == BodyRelation.Own && roles.Contains(AccountRoles.Reviewer),
            BodyOperation.ManageAccounts or BodyOperation.AddDepartment => inSubtree && roles.Contains(AccountRoles.Admin),
            _ => false,
        };
    }
}
