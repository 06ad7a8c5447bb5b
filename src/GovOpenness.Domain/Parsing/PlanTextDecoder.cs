using System.Text;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Turns a file's bytes into text: UTF-8 first (with or without BOM), then UTF-16 (BOM, or zero bytes
/// and a decoding that reads as text), then GB18030, the encoding of older government sites.
/// </summary>
public static class PlanTextDecoder
{
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>; throws <see cref="PlanParseException"/> when they are no text this tool reads.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > PlanLimits.MaxDocumentSize)
        {
            throw new PlanParseException(
                $"文件过大：{bytes.Length / (1024.0 * 1024.0):F1} MB，超过 {PlanLimits.MaxDocumentSizeText} 的上限；工作要点通常不超过 100 KB。");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeOrFail(StrictUtf8, bytes[3..], "UTF-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeOrFail(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..], "UTF-16");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeOrFail(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..], "UTF-16");
        }

        if (TryDecode(StrictUtf8, bytes, out var utf8))
        {
            return utf8;
        }

        // UTF-16 without a BOM: ASCII in it (line breaks, digits) makes zero bytes, which GB18030 text never has.
        if (bytes.Length % 2 == 0 && bytes.Contains((byte)0))
        {
            foreach (var bigEndian in new[] { bytes[0] == 0, bytes[0] != 0 })
            {
                if (TryDecode(new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true), bytes, out var utf16) && MostlyText(utf16))
                {
                    return utf16;
                }
            }
        }

        if (TryDecode(Gb18030.Value, bytes, out var gb))
        {
            return gb;
        }

        throw new PlanParseException("文件不是可识别的文字编码（支持 UTF-8、UTF-16、GB18030）：可能是二进制文件或已损坏。");
    }

    private static string DecodeOrFail(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
        => TryDecode(encoding, bytes, out var text)
            ? text
            : throw new PlanParseException($"文件声明为 {name} 编码，但内容不是有效的 {name} 文本。");

    private static bool TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
        catch (ArgumentException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>Whether nine in ten characters are what documents are made of: CJK, ASCII, punctuation, blanks.</summary>
    private static bool MostlyText(string text)
    {
        var good = 0;
        foreach (var c in text)
        {
            if (c is (>= ' ' and <= '~') or '\n' or '\r' or '\t' or (>= '\u4E00' and <= '\u9FFF') or (>= '\u3000' and <= '\u303F')
                or (>= '\uFF00' and <= '\uFFEF') or (>= '\u2000' and <= '\u206F'))
            {
                good++;
            }
        }

        return good * 10 >= text.Length * 9;
    }
}
