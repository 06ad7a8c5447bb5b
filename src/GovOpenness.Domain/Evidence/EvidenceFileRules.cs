namespace GovOpenness.Domain.Evidence;

/// <summary>
/// Which files a 反馈 may carry as evidence (佐证材料): PDF, images and Office documents, up to a size.
/// The name's extension and the file's first bytes must agree, so a renamed executable is refused.
/// </summary>
public static class EvidenceFileRules
{
    /// <summary>Accepted extensions and the content type each is served with.</summary>
    public static IReadOnlyDictionary<string, string> Types { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".ppt"] = "application/vnd.ms-powerpoint",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    /// <summary>The longest file name kept (longer names are refused, not cut).</summary>
    public const int MaxNameLength = 200;

    /// <summary>How many leading bytes <see cref="Problem"/> needs to recognise a type.</summary>
    public const int HeadLength = 8;

    /// <summary>Why the file is refused, in Chinese, or null when it is accepted.</summary>
    public static string? Problem(string? fileName, long size, long maxBytes, ReadOnlySpan<byte> head)
    {
        var name = fileName?.Trim() ?? "";
        if (name.Length == 0)
        {
            return "佐证材料缺少文件名";
        }

        if (name.Length > MaxNameLength)
        {
            return $"佐证材料的文件名过长（{name.Length}字，上限{MaxNameLength}字）";
        }

        var extension = Path.GetExtension(name);
        if (!Types.ContainsKey(extension))
        {
            return $"不支持的佐证材料类型“{(extension.Length == 0 ? "无扩展名" : extension)}”：仅接受 PDF、图片（PNG、JPG、GIF）和 Office 文档（Word、Excel、PowerPoint）";
        }

        if (size <= 0)
        {
            return $"佐证材料“{name}”是空文件";
        }

        if (size > maxBytes)
        {
            return $"佐证材料“{name}”过大（{Megabytes(size)}，上限{Megabytes(maxBytes)}）";
        }

        return Matches(extension.ToLowerInvariant(), head) ? null : $"佐证材料“{name}”的内容与扩展名“{extension}”不符";
    }

    public static string ContentTypeOf(string fileName) => Types.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream");

    private static bool Matches(string extension, ReadOnlySpan<byte> head) => extension switch
    {
        ".pdf" => head.StartsWith("%PDF"u8),
        ".png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]),
        ".jpg" or ".jpeg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        ".gif" => head.StartsWith("GIF8"u8),
        ".docx" or ".xlsx" or ".pptx" => head.StartsWith("PK\u0003\u0004"u8),
        ".doc" or ".xls" or ".ppt" => head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]),
        _ => false,
    };

    private static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
