// The 17 exercises of the physiotherapy clinic's guide (docs/safety.md cites it).
// Names, positions, sides, holds and dosage follow the guide; the wording is ours.

extension Catalog {
    /// The built-in catalogue.
    public static let builtIn = Catalog(
        exercises: [
            Exercise(
                id: "core-activation", name: "Core activation", category: .stability,
                perSide: false, measure: .hold,
                howTo: """
                    Lie on your back with your knees bent and rest your fingertips just inside the \
                    bony points at the front of your hips, where you can feel the deep stomach \
                    muscles work. Lift the pelvic floor as though holding in urine, draw your belly \
                    button in and up, keep the outer stomach muscles soft while you breathe deeply, \
                    then squeeze your buttocks. Hold all three for a few seconds and let go. Repeat \
                    until you can no longer do it well: up to 3 sets with rests, or small sets of \
                    1 to 5 many times through the day.
                    """),
            Exercise(
                id: "hip-extension", name: "Stabilization hip extension", category: .stability,
                perSide: true, measure: .reps,
                howTo: """
                    Lie face down with your back in neutral. Switch on your core and glutes as in \
                    core activation, then let the glutes lift one straight leg from the hip while \
                    your back and pelvis stay still; your hands on the pelvis check that neither \
                    side dips. Lower slowly, then lift the other leg.
                    """),
            Exercise(
                id: "superman", name: "Stabilization superman", category: .stability,
                perSide: true, measure: .reps,
                howTo: """
                    A step on from the hip extension. Lie face down, chin tucked, arms stretched \
                    beside your ears. Hold the core activation and a steady pelvis and trunk while \
                    you raise one arm and the opposite leg. Lower, then change sides, never letting \
                    either side sag as a leg lifts.
                    """),
            Exercise(
                id: "bird-dog", name: "Bird dog", category: .stability,
                perSide: true, measure: .reps,
                howTo: """
                    Kneel on all fours, knees under hips and hands under shoulders, back flat and \
                    chin tucked. Brace the core and glutes, then reach one leg back and the \
                    opposite arm forward without letting the trunk or pelvis shift or twist. Lower \
                    and change sides; only the limbs move.
                    """),
            Exercise(
                id: "bent-knee-fall-out", name: "Bent knee fall out", category: .stability,
                perSide: true, measure: .reps,
                howTo: """
                    Lie on your back with knees bent and your lower back in its natural slight \
                    arch. Brace as in core activation, then let one knee open out to the side \
                    while the pelvis and lower back stay perfectly still. Bring it back to the \
                    middle and do the other side.
                    """),
            Exercise(
                id: "pelvic-tilt", name: "Pelvic tilt", category: .stability,
                perSide: false, measure: .reps,
                howTo: """
                    Lie on your back with knees bent and switch on your core. Gently roll the \
                    pelvis so your lower back presses flat into the floor (a posterior tilt), \
                    return slowly, then tip the pelvis the other way so the lower back lifts a \
                    little off the floor (an anterior tilt). Come back to neutral and repeat.
                    """),
            Exercise(
                id: "kneeling-pelvic-tilt", name: "Kneeling pelvic tilt", category: .stability,
                perSide: false, measure: .reps,
                howTo: """
                    Kneel on all fours, knees under hips and hands under shoulders, chin tucked, \
                    core switched on. Tip the pelvis one way and then the other, as in the pelvic \
                    tilt on the floor, moving from the pelvis alone rather than by rounding or \
                    arching the upper back.
                    """),
            Exercise(
                id: "glute-bridge", name: "Glute bridge", category: .stability,
                perSide: false, measure: .reps,
                howTo: """
                    Lie on your back, knees bent, feet hip-width apart. Brace your core, then \
                    lift your hips with your glutes and squeeze them at the top; a small posterior \
                    pelvic tilt there adds to the squeeze. Lower slowly, controlling the movement \
                    with glutes and stomach muscles, and repeat.
                    """),
            Exercise(
                id: "side-plank", name: "Side plank", category: .stability,
                perSide: true, measure: .hold,
                howTo: """
                    Lie on your side, knees bent to a right angle and legs in line with your \
                    body, propped on an elbow placed right under the shoulder. Brace the core and \
                    lift the pelvis until your body makes a straight line. Hold until tired, rest, \
                    then do the other side.
                    """),
            Exercise(
                id: "front-plank", name: "Front plank", category: .stability,
                perSide: false, measure: .hold,
                howTo: """
                    From all fours, brace the core, then take your weight on your forearms and \
                    toes with your chin tucked, body in one straight line. Feet hip-width or wider \
                    make it easier. Hold without letting the spine sag or arch.
                    """),
            Exercise(
                id: "partial-crunch", name: "Partial crunch", category: .stability,
                perSide: false, measure: .reps,
                howTo: """
                    Lie on your back, knees bent, feet flat. Brace the core so the stomach \
                    tightens and the lower back flattens to the floor, hands behind your head to \
                    support it. Tuck your chin and, breathing out, curl your head and shoulders up \
                    so the elbows come toward the knees.
                    """),
            Exercise(
                id: "piriformis-stretch", name: "Piriformis stretch", category: .stretch,
                perSide: true, measure: .hold,
                howTo: """
                    Lie on your back, bring one knee to your chest and hold it with the opposite \
                    hand. Ease it across your body toward the other side, within a comfortable \
                    range, until you feel it deep in the buttock. Hold and relax, then do the \
                    other knee.
                    """),
            Exercise(
                id: "kneeling-hip-flexor-stretch", name: "Kneeling hip flexor stretch", category: .stretch,
                perSide: true, measure: .hold,
                howTo: """
                    Kneel on one knee with the other foot forward, that hip bent to a right angle. \
                    Tuck the pelvis under to flatten the lower back, then ease forward to open the \
                    front of the kneeling-side hip until you feel a gentle stretch. Hold, relax, \
                    and change sides.
                    """),
            Exercise(
                id: "standing-hip-flexor-stretch", name: "Standing hip flexor stretch", category: .stretch,
                perSide: true, measure: .hold,
                howTo: """
                    Stand with one foot ahead of the other and the back knee slightly bent. Tuck \
                    the pelvis under and shift your weight onto the front leg until the front of \
                    the back hip stretches; reaching that arm overhead deepens it. Hold, relax, \
                    and change sides.
                    """),
            Exercise(
                id: "kneeling-ql-stretch", name: "Kneeling QL stretch", category: .stretch,
                perSide: true, measure: .reps,
                howTo: """
                    This one works the muscles along the sides of the lower back (quadratus \
                    lumborum). On all fours, curve your trunk to one side, looking toward that \
                    hip while drawing the hip up toward your head. Alternate sides slowly, like a \
                    slow-motion tail wag.
                    """),
            Exercise(
                id: "sitting-ql-stretch", name: "Sitting QL stretch", category: .stretch,
                perSide: true, measure: .hold,
                howTo: """
                    Sit on the edge of a bed or chair. Straighten one leg out a little to the side \
                    and keep the other comfortably bent. Lean toward the straight leg while turning \
                    your body to face away from it, until the side of the lower back opposite the \
                    straight leg stretches. Hold.
                    """),
            Exercise(
                id: "foam-roll-glutes", name: "Foam rolling the glutes", category: .selfTreatment,
                perSide: true, measure: .hold,
                howTo: """
                    A way to treat a muscle yourself. Put a foam roller on the floor and sit on it \
                    with one buttock, then roll forward and back over the glute. Any muscle can be \
                    rolled this way; a small ball sometimes works better than a roller. Log the \
                    time spent as the hold.
                    """),
        ],
        aliases: [
            "seated-ql-stretch": "sitting-ql-stretch",
            "seated-quadratus-lumborum-stretch": "sitting-ql-stretch",
            "kneeling-quadratus-lumborum-stretch": "kneeling-ql-stretch",
            "core": "core-activation",
            "hip-extensions": "hip-extension",
            "stabilization-superman": "superman",
            "bridge": "glute-bridge",
            "plank": "front-plank",
            "partial-crunches": "partial-crunch",
            "crunch": "partial-crunch",
            "pelvic-tilts": "pelvic-tilt",
            "foam-rolling": "foam-roll-glutes",
            "foam-rolling-glutes": "foam-roll-glutes",
            "fall-out": "bent-knee-fall-out",
            "core-fall-out": "bent-knee-fall-out",
        ])
}
