using Microsoft.AspNetCore.Authorization;

namespace GovOpenness.Server.Authorization;

/// <summary>What an account asks to do to a body; <see cref="BodyAuthorizationHandler"/> decides.</summary>
public enum BodyOperation
{
    /// <summary>Read the body, its progress, summaries, children, diff and record: own body and subtree.</summary>
    Read,

    /// <summary>Read the body's plan: own body and subtree, and ancestors (a lower body reads what it adopts).</summary>
    ReadPlan,

    /// <summary>Publish, localize or import the body's own plan: an editor (编制) of the body.</summary>
    EditPlan,

    /// <summary>The body's own 签收/办理/反馈: a reporter (填报) of the body.</summary>
    Report,

    /// <summary>复核 (accept or return) a report: a reviewer of the body's direct parent.</summary>
    Review,

    /// <summary>催办: a reviewer of the body or an ancestor.</summary>
    Urge,

    /// <summary>Send 催办 in the body's name (<c>POST /api/bodies/{id}/urge</c>): a reviewer of the body itself;
    /// each urged body is then checked as <see cref="Urge"/>.</summary>
    UrgeFrom,

    /// <summary>Accounts of the body: an administrator (管理) of the body or an ancestor.</summary>
    ManageAccounts,

    /// <summary>Register a department under the body: an administrator of the body or an ancestor.</summary>
    AddDepartment,

    /// <summary>Post progress: decided per step (<see cref="Report"/> or <see cref="Review"/>) from the request.</summary>
    Progress,
}

/// <summary>The requirement one body operation puts on the signed-in account.</summary>
public sealed record BodyRequirement(BodyOperation Operation) : IAuthorizationRequirement;
