using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Parsing;

namespace GovOpenness.Server.Apis.Requests;

/// <summary>
/// The body's own document (a .docx or a .txt, base64 in <c>document</c>: JSON like every other write, so
/// a foreign page's form cannot post it) and the pairs its editor corrected.
/// </summary>
public sealed record ImportPairsRequest(string Document, string? FileName = null, IReadOnlyList<PairCorrectionRequest>? Corrections = null, int? IfVersion = null)
    : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        errors.Required("document", Document, int.MaxValue);
        errors.MaxLength("fileName", FileName, 200);
        if (Document is not null && Bytes() is null)
        {
            errors.Add("document", "须为 base64 编码的文件内容");
        }
        else if (Bytes() is { Length: > PlanLimits.MaxDocumentSize })
        {
            errors.Add("document", $"文件超过 {PlanLimits.MaxDocumentSizeText} 的上限");
        }

        if (errors.List("corrections", Corrections, PairCorrection.MaxCount) && Corrections is not null)
        {
            for (var i = 0; i < Corrections.Count; i++)
            {
                errors.Required($"corrections[{i}].childItemId", Corrections[i].ChildItemId, 40);
                errors.MaxLength($"corrections[{i}].parentItemId", Corrections[i].ParentItemId, 40);
            }
        }

        errors.Range("ifVersion", IfVersion, 0, int.MaxValue);
    }

    private byte[]? _bytes;

    /// <summary>The document's bytes, or null when <c>document</c> is not base64.</summary>
    public byte[]? Bytes()
    {
        if (_bytes is null && Document is not null)
        {
            var buffer = new byte[Document.Length * 3 / 4 + 3];
            _bytes = Convert.TryFromBase64String(Document, buffer, out var written) ? buffer[..written] : null;
        }

        return _bytes;
    }

    public IReadOnlyList<PairCorrection> ToCorrections() =>
        [.. (Corrections ?? []).Select(c => new PairCorrection(c.ChildItemId.Trim(), string.IsNullOrWhiteSpace(c.ParentItemId) ? null : c.ParentItemId.Trim()))];
}

/// <summary>One corrected pair: the document's item and the parent item it carries out (null: none, an item of the body's own).</summary>
public sealed record PairCorrectionRequest(string ChildItemId, string? ParentItemId = null);
