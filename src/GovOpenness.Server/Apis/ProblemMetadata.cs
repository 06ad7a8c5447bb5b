namespace GovOpenness.Server.Apis;

/// <summary>
/// Declares the problem answers an endpoint gives, so the OpenAPI document lists every status (a
/// <c>ProblemHttpResult</c> carries its status only at run time).
/// </summary>
internal static class ProblemMetadata
{
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            endpoint.ProducesProblem(status);
        }

        return endpoint;
    }
}
