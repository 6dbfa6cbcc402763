//! Copying an SQLite database into a new PostgreSQL one, for a host that
//! started on SQLite and moves to PostgreSQL (`bondgenoot copy-data`).
//!
//! Every row of every table, with its own id, in one transaction on the
//! PostgreSQL side: the copy is whole or not there at all. It goes only into
//! a database that holds no rows yet, so nothing there is overwritten. The
//! SQLite side is read in one transaction too (one snapshot, even if a
//! server still writes to it) and is left as it was, but for the migrations
//! opening it applies, as `serve` would.
//!
//! Both schemas come from this binary's migrations and are held equal by a
//! test; a table this module does not list stops the copy before anything
//! is written, so a new table cannot be silently left behind. Before the
//! commit, every table is read back from PostgreSQL and compared with
//! SQLite's, row by row: what the database does by itself on an insert (a
//! trigger, a default) cannot change the copy unseen.

use std::collections::BTreeSet;

use anyhow::{Context as _, bail, ensure};
use sqlx::{AnyConnection, Row as _};

use super::{Backend, Db};

/// Every table, in an order in which each row's references are copied
/// before it (an organisation before its cafés, a café before its signups).
const TABLES: [&str; 10] = [
    "orgs",
    "admins",
    "admin_log",
    "script_versions",
    "live_scripts",
    "cafes",
    "signups",
    "walk_ins",
    "outbox",
    "figures",
];

/// sqlx's own table of the migrations applied: each side has its own.
const MIGRATIONS: &str = "_sqlx_migrations";

/// Columns the database keeps itself: a café's counts of its signups, which
/// the triggers add up as each signup is inserted. They go in as 0, the
/// copied signups count them again, and the check compares the result.
const COUNTED: [(&str, &str); 2] = [("cafes", "confirmed"), ("cafes", "waitlist")];

/// A column as PostgreSQL declares it.
struct Column {
    name: String,
    kind: Kind,
    /// Numbered by the database (`GENERATED … AS IDENTITY`): its counter is
    /// moved past the copied ids, so the next café or signup gets a new one.
    identity: bool,
}

/// The three kinds of value both schemas use.
#[derive(Clone, Copy)]
enum Kind {
    Integer,
    Text,
    Bytes,
}

/// A value as read from either side, to write and to compare.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Value {
    Integer(Option<i64>),
    Text(Option<String>),
    Bytes(Option<Vec<u8>>),
}

type Rows = Vec<Vec<Value>>;

impl Db {
    /// Copies every row of this database (SQLite) into `to` (PostgreSQL,
    /// its tables still empty), telling `copied` each table and its number
    /// of rows as it is done. Returns those numbers, table by table.
    pub async fn copy_into(
        &self,
        to: &Db,
        mut copied: impl FnMut(&str, u64),
    ) -> anyhow::Result<Vec<(&'static str, u64)>> {
        ensure!(
            self.backend == Backend::Sqlite && to.backend == Backend::Postgres,
            "copying goes from an SQLite database to a PostgreSQL one"
        );
        let mut from = self
            .read
            .begin()
            .await
            .context("reading the SQLite database")?;
        let mut into = to.read.begin().await.context("writing to PostgreSQL")?;
        let sqlite_tables = names(
            &mut from,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .await?;
        let postgres_tables = names(
            &mut into,
            "SELECT table_name::text FROM information_schema.tables \
             WHERE table_schema = current_schema()",
        )
        .await?;
        for (side, tables) in [("SQLite", sqlite_tables), ("PostgreSQL", postgres_tables)] {
            if let Some(unknown) = tables.iter().find(|t| !TABLES.contains(&t.as_str())) {
                bail!(
                    "the {side} database has a table '{unknown}' that this version of \
                     bondgenoot does not know how to copy; nothing was copied"
                );
            }
            if let Some(missing) = TABLES.iter().find(|t| !tables.contains(**t)) {
                bail!("the {side} database has no table '{missing}'; nothing was copied");
            }
        }
        for table in TABLES {
            let rows: i64 =
                sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                    .fetch_one(&mut *into)
                    .await?;
            ensure!(
                rows == 0,
                "the PostgreSQL database already holds data ({rows} {} in '{table}'): \
                 copy only into a new, empty database; nothing was copied",
                if rows == 1 { "row" } else { "rows" }
            );
        }
        // The highest id SQLite ever gave in each table (AUTOINCREMENT never
        // gives one again, even after its row is deleted): the numbering goes
        // on from there, so a deleted signup's id, which webhook events and
        // exports carried, is never someone else's.
        let given: Vec<(String, i64)> = sqlx::query_as("SELECT name, seq FROM sqlite_sequence")
            .fetch_all(&mut *from)
            .await
            .context("reading SQLite's numbering")?;
        let mut copied_tables = Vec::with_capacity(TABLES.len());
        for table in TABLES {
            let columns = columns(&mut into, table).await?;
            let rows = read(&mut from, table, &columns).await?;
            let highest = given
                .iter()
                .find(|(t, _)| t == table)
                .map_or(0, |(_, seq)| *seq);
            insert(&mut into, table, &columns, &rows, highest)
                .await
                .with_context(|| format!("copying '{table}'; nothing was copied"))?;
            copied(table, u64::try_from(rows.len()).unwrap_or(u64::MAX));
            copied_tables.push((table, columns, rows));
        }
        // Read back once every table is in: a later table's triggers change
        // an earlier one's rows.
        let mut done = Vec::with_capacity(TABLES.len());
        for (table, columns, mut rows) in copied_tables {
            let mut there = read(&mut into, table, &columns).await?;
            rows.sort_unstable();
            there.sort_unstable();
            let differ = rows.iter().zip(&there).filter(|(a, b)| a != b).count()
                + rows.len().abs_diff(there.len());
            ensure!(
                differ == 0,
                "'{table}' came out different in PostgreSQL ({differ} of {} rows); \
                 nothing was copied",
                rows.len()
            );
            done.push((table, u64::try_from(rows.len()).unwrap_or(u64::MAX)));
        }
        into.commit()
            .await
            .context("committing the copy to PostgreSQL")?;
        Ok(done)
    }
}

/// The first column of every row `sql` gives, as text.
async fn names(conn: &mut AnyConnection, sql: &'static str) -> anyhow::Result<BTreeSet<String>> {
    let names: Vec<String> = sqlx::query_scalar(sql).fetch_all(conn).await?;
    Ok(names.into_iter().filter(|n| n != MIGRATIONS).collect())
}

/// `table`'s columns as PostgreSQL declares them, in their order.
async fn columns(into: &mut AnyConnection, table: &str) -> anyhow::Result<Vec<Column>> {
    let rows = sqlx::query(
        "SELECT column_name::text, data_type::text, is_identity::text \
         FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name = $1 \
         ORDER BY ordinal_position",
    )
    .bind(table)
    .fetch_all(into)
    .await?;
    rows.iter()
        .map(|row| {
            let (name, declared, identity): (String, String, String) =
                (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
            let kind = match declared.as_str() {
                "bigint" => Kind::Integer,
                "text" => Kind::Text,
                "bytea" => Kind::Bytes,
                other => bail!("'{table}.{name}' is of a kind ({other}) that is not copied"),
            };
            Ok(Column {
                name,
                kind,
                identity: identity == "YES",
            })
        })
        .collect()
}

/// Every row of `table`, its `columns` in order.
async fn read(conn: &mut AnyConnection, table: &str, columns: &[Column]) -> anyhow::Result<Rows> {
    let names = listed(columns);
    // All at once: a host's tables hold thousands of rows, not millions
    // (signups' personal details are deleted after the café).
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {names} FROM {table}")))
        .fetch_all(conn)
        .await
        .with_context(|| format!("reading '{table}'"))?;
    rows.iter()
        .map(|row| {
            columns
                .iter()
                .enumerate()
                .map(|(i, column)| {
                    let value = match column.kind {
                        Kind::Integer => row.try_get(i).map(Value::Integer),
                        Kind::Text => row.try_get(i).map(Value::Text),
                        Kind::Bytes => row.try_get(i).map(Value::Bytes),
                    };
                    value.with_context(|| {
                        format!("'{table}.{}' holds a value of another kind", column.name)
                    })
                })
                .collect()
        })
        .collect()
}

/// Inserts `rows` into `table` (the counted columns as 0), and moves its
/// numbering past the ids copied and past `highest`, the highest SQLite gave.
async fn insert(
    into: &mut AnyConnection,
    table: &str,
    columns: &[Column],
    rows: &Rows,
    highest: i64,
) -> anyhow::Result<()> {
    let names = listed(columns);
    let places = (1..=columns.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let insert = format!("INSERT INTO {table} ({names}) VALUES ({places})");
    for row in rows {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(insert.as_str()));
        for (column, value) in columns.iter().zip(row) {
            query = if COUNTED.contains(&(table, column.name.as_str())) {
                query.bind(0_i64)
            } else {
                match value {
                    Value::Integer(v) => query.bind(*v),
                    Value::Text(v) => query.bind(v.as_deref()),
                    Value::Bytes(v) => query.bind(v.as_deref()),
                }
            };
        }
        query.execute(&mut *into).await?;
    }
    for column in columns.iter().filter(|c| c.identity) {
        let name = &column.name;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT setval(pg_get_serial_sequence('{table}', '{name}'), \
             (SELECT GREATEST(COALESCE(MAX({name}), 0), $1) + 1 FROM {table}), false)"
        )))
        .bind(highest)
        .execute(&mut *into)
        .await?;
    }
    Ok(())
}

/// `columns`' names, as a statement lists them.
fn listed(columns: &[Column]) -> String {
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    names.join(", ")
}
