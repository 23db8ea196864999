import Testing

@testable import Journal

@Suite struct CatalogTests {
    let catalog = Catalog.builtIn

    @Test func holdsTheSeventeenExercisesOfTheGuideInOrder() throws {
        #expect(
            catalog.exercises.map(\.id) == [
                "core-activation", "hip-extension", "superman", "bird-dog", "bent-knee-fall-out",
                "pelvic-tilt", "kneeling-pelvic-tilt", "glute-bridge", "side-plank", "front-plank",
                "partial-crunch", "piriformis-stretch", "kneeling-hip-flexor-stretch",
                "standing-hip-flexor-stretch", "kneeling-ql-stretch", "sitting-ql-stretch", "foam-roll-glutes",
            ])
    }

    @Test func everyExerciseHasANameAndHowTo() throws {
        for exercise in catalog.exercises {
            #expect(!exercise.name.isEmpty)
            #expect(exercise.howTo.count > 80, "\(exercise.id) needs a how-to")
            #expect(!exercise.howTo.contains("  "), "\(exercise.id) has a double space")
        }
    }

    @Test func categoriesSidesAndMeasuresFollowTheGuide() throws {
        #expect(catalog.exercise(id: "side-plank")?.perSide == true)
        #expect(catalog.exercise(id: "side-plank")?.measure == .hold)
        #expect(catalog.exercise(id: "glute-bridge")?.perSide == false)
        #expect(catalog.exercise(id: "glute-bridge")?.measure == .reps)
        #expect(catalog.exercise(id: "piriformis-stretch")?.category == .stretch)
        #expect(catalog.exercise(id: "foam-roll-glutes")?.category == .selfTreatment)
        #expect(catalog.exercises.filter { $0.category == .stability }.count == 11)
        #expect(catalog.exercises.filter { $0.category == .stretch }.count == 5)
    }

    @Test(arguments: [
        ("glute-bridge", "glute-bridge"),
        ("Glute Bridge", "glute-bridge"),
        ("  GLUTE_bridge ", "glute-bridge"),
        ("glute bridges", "glute-bridge"),
        ("seated-ql-stretch", "sitting-ql-stretch"),
        ("Seated QL stretch", "sitting-ql-stretch"),
        ("Sitting QL Stretch", "sitting-ql-stretch"),
        ("partial crunches", "partial-crunch"),
        ("Stabilization Superman", "superman"),
        ("plank", "front-plank"),
    ])
    func resolvesIdsNamesAndAliases(text: String, id: String) throws {
        #expect(try catalog.resolve(text).id == id)
    }

    @Test func exactLookupTakesOnlyIds() throws {
        #expect(catalog.exercise(id: "Glute Bridge") == nil)
        #expect(catalog.exercise(id: "seated-ql-stretch") == nil)
    }

    @Test func aTypoSuggestsTheClosestId() throws {
        #expect(throws: JournalError.unknownExercise("glute-brige", suggestions: ["glute-bridge"])) {
            try catalog.resolve("glute-brige")
        }
        #expect(
            JournalError.unknownExercise("glute-brige", suggestions: ["glute-bridge"]).description
                == #"unknown exercise "glute-brige"; did you mean "glute-bridge"?"#)
    }

    @Test func aPartOfSeveralIdsSuggestsEach() throws {
        #expect(
            catalog.suggestions(for: "hip-flexor-stretch")
                == ["kneeling-hip-flexor-stretch", "standing-hip-flexor-stretch"])
    }

    @Test func nothingCloseSuggestsTheListCommand() throws {
        #expect(throws: JournalError.unknownExercise("yoga", suggestions: [])) { try catalog.resolve("yoga") }
        #expect(
            JournalError.unknownExercise("yoga", suggestions: []).description
                == #"unknown exercise "yoga"; `journal exercises` lists the ones you can log, and `journal exercises add yoga --name … --category CATEGORY --how-to …` adds one of your own (CATEGORY stability, stretch or self-treatment; add --hold for one held rather than repeated, --sides for one done a side at a time)."#
        )
    }

    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() throws {
        #expect(Catalog.editDistance("kitten", "sitting") == 3)
        #expect(Catalog.editDistance("", "abc") == 3)
        #expect(Catalog.editDistance("bird-dog", "bird-dog") == 0)
    }
}
