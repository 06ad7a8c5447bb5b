using System.CommandLine;
using GovOpenness.Grains.Storage.Audit;

namespace GovOpenness.Cli;

/// <summary>
/// <c>govctl audit verify</c>: walks the record (留痕) in order and checks every record's hash and its link
/// to the previous one. Exit codes: 0 intact, 1 a changed or missing record (each printed), 2 usage.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var database = new DatabaseOptions();
        var verify = new Command("verify", "校验操作记录：发现被改动或删除的记录");
        database.AddTo(verify);
        verify.SetAction(async (result, cancellation) =>
        {
            var verification = await new AuditReader(database.Open(result)).VerifyAsync(cancellation);
            foreach (var problem in verification.Problems)
            {
                Console.Error.WriteLine(problem);
            }

            Console.WriteLine(verification.Intact
                ? $"操作记录完整：共{verification.Records}条，哈希链无误"
                : $"操作记录有误：共{verification.Records}条，发现{verification.Problems.Count}处问题");
            return verification.Intact ? 0 : 1;
        });
        var audit = new Command("audit", "操作记录（留痕）");
        audit.Subcommands.Add(verify);
        return audit;
    }
}
