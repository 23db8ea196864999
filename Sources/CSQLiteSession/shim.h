// SQLite's session extension (sqlite3session_*, sqlite3changeset_*), from the system's libsqlite3.
//
// Debian builds libsqlite3 with SQLITE_ENABLE_SESSION and SQLITE_ENABLE_PREUPDATE_HOOK, but its
// sqlite3.h declares the extension only when those macros are defined before it is included: this
// header defines them, then includes it. The module links the same libsqlite3 as GRDB's GRDBSQLite,
// so a session attaches to the very connection GRDB opened (`Database.sqliteConnection`).
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
