using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace GovOpenness.Server.Tests.Hardening;

/// <summary>Every row of every table of the server's SQLite file, in a stable order (for "nothing changed").</summary>
internal static class StoredData
{
    public static string Dump(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "govopenness.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    row.Append(reader.GetName(i)).Append('=').Append(value is byte[] bytes ? Convert.ToHexString(SHA256.HashData(bytes)) : value.ToString()).Append('|');
                }

                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            dump.Append("## ").Append(table).Append(' ').Append(rows.Count).Append('\n');
            foreach (var row in rows)
            {
                dump.Append(row).Append('\n');
            }
        }

        return dump.ToString();
    }
}
