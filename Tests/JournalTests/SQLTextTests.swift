import Testing

@testable import Journal

/// What SQLite reads of a statement: comments and spacing out, literals and quoted names whole.
@Suite struct SQLTextTests {
    @Test(arguments: [
        ("CREATE TABLE t (a INTEGER)", "CREATE TABLE t ( a INTEGER )"),
        ("CREATE TABLE t(\n    a   INTEGER\t)", "CREATE TABLE t ( a INTEGER )"),
        ("CREATE TABLE t (a INTEGER -- the count\n)", "CREATE TABLE t ( a INTEGER )"),
        ("CREATE TABLE t (a INTEGER) -- to the end", "CREATE TABLE t ( a INTEGER )"),
        ("CREATE TABLE t (/* first */ a /* and\nlast */ INTEGER)", "CREATE TABLE t ( a INTEGER )"),
        ("CREATE TABLE t (a INTEGER /* never closed", "CREATE TABLE t ( a INTEGER"),
        (
            "CREATE TABLE t (a TEXT DEFAULT '-- no /* comment */')",
            "CREATE TABLE t ( a TEXT DEFAULT '-- no /* comment */' )"
        ),
        ("CREATE TABLE t (a TEXT DEFAULT 'it''s  -- two')", "CREATE TABLE t ( a TEXT DEFAULT 'it''s  -- two' )"),
        ("CREATE TABLE \"my -- t\" (\"a \"\" b\" INTEGER)", "CREATE TABLE \"my -- t\" ( \"a \"\" b\" INTEGER )"),
        ("CREATE TABLE [x -- y] ([a  b] INTEGER)", "CREATE TABLE [x -- y] ( [a  b] INTEGER )"),
        ("CREATE TABLE `x -- y` (`a `` b` INTEGER)", "CREATE TABLE `x -- y` ( `a `` b` INTEGER )"),
        ("CHECK (pain BETWEEN 0 AND 10)", "CHECK ( pain BETWEEN 0 AND 10 )"),
        ("CHECK (a<>b AND c>=-1)", "CHECK ( a < > b AND c > = - 1 )"),
        ("CREATE TABLE été (å INTEGER)", "CREATE TABLE été ( å INTEGER )"),
        ("a - - b / * c", "a - - b / * c"),
    ])
    func commentsAndSpacingGoLiteralsAndNamesStay(sql: String, significant: String) {
        #expect(SQLText.significant(sql) == significant)
    }

    @Test func aRealChangeStillDiffers() {
        let journal = "CREATE TABLE t (\n    pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10) -- 0 to 10\n)"
        let commented = "CREATE TABLE t ( /* mine */ pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10))"
        #expect(SQLText.significant(journal) == SQLText.significant(commented))
        #expect(SQLText.significant(journal) != SQLText.significant("CREATE TABLE t (pain INTEGER NOT NULL)"))
        #expect(
            SQLText.significant(journal)
                != SQLText.significant("CREATE TABLE t (pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10), x)"))
        #expect(SQLText.significant("DEFAULT 'a  b'") != SQLText.significant("DEFAULT 'a b'"))
    }
}
