import Foundation

extension Extractor {
    /// Figures from sentences and tables, and every recognised number (for `--numbers`).
    func figuresAndNumbers(_ units: [TextUnit], _ hits: [CityHit]) -> ([Figure], [NumberMention]) {
        let judge = FigureExtractor(gazetteer: gazetteer)
        var figures: [Figure] = []
        var numbers: [NumberMention] = []
        var hitsByUnit: [Int: [CityHit]] = [:]
        for hit in hits { hitsByUnit[hit.unit, default: []].append(hit) }
        // Table rows: the city of the row (a cell naming a city) and each numeric cell's column header.
        var rowCity: [String: Int] = [:]
        // A row named by a state ("Idaho | +924% | 310"): its figures are the state's.
        var rowState: [String: String] = [:]
        // The tables with a row named by a city or a state.
        var placedTables = Set<Int>()
        for (u, unit) in units.enumerated() {
            guard case .cell(let table, let row, _) = unit.kind else { continue }
            if let hit = hitsByUnit[u]?.first, hit.first == 0, hit.last >= unit.tz.tokens.count - 1 || unit.isPlaceColumn {
                rowCity["\(table)/\(row)"] = hit.place
                placedTables.insert(table)
            } else if let st = gazetteer.state(in: unit.tz.tokens, at: 0, allowPostal: false), st.length == unit.tz.tokens.count {
                rowState["\(table)/\(row)"] = st.code
                placedTables.insert(table)
            }
        }
        // A sentence that names no city states a figure of the article's one city, if it names only one.
        // (A city named only in passing, in a file photo's caption, as a landmark or a protest's place, is no story's
        // place; a mayor's city or where an official spoke still is: "Fresno Mayor Ana Ruiz said ICE arrested 40".)
        let places = Set(hits.filter { $0.passing == nil || $0.passing == .title || $0.passing == .speech }.map(\.place))
        let placeHits = hits.filter { places.contains($0.place) }
        let soleCity = Set(placeHits.map(\.place)).count == 1 ? placeHits.first?.place : nil
        // The city the story is mostly about (strictly most mentions), for a figure whose sentence names cities
        // only in a clause about something else.
        var counts: [Int: Int] = [:]
        for hit in placeHits { counts[hit.place, default: 0] += 1 }
        let ranked = counts.sorted { $0.value > $1.value }
        let dominant = ranked.count == 1 || (ranked.count > 1 && ranked[0].value > ranked[1].value) ? ranked.first?.key : nil
        // The story's city for a sentence that names none: the one it names most, else the first it names as a place.
        var lead = storyPlace(units, hits, dominant: dominant)
        // "an operation in La Paz and Mohave Counties": a story about counties is its state's.
        if let st = countyOperationState(units, hits) { lead = (nil, st) }
        // "After agents broke down the door of an Elgin home …", then a story of the Chicago surge: a lead's town named
        // once, as the modifier of a scene ("an Elgin home"), yields to the city the story names most.
        if let c = lead.city, let d = dominant, d != c, counts[c] == 1, (counts[d] ?? 0) >= 2,
           let first = hits.first(where: { $0.place == c }) {
            let t = units[first.unit].tz.tokens
            if first.first >= 1, ["a", "an"].contains(t[first.first - 1].lower), first.last + 1 < t.count,
               t[first.last + 1].kind == .word, !t[first.last + 1].isCapitalized { lead.city = d }
        }
        // A round-up of cities in three or more states whose lead names no place ("In Tampa, …", "In Atlanta, …"): its
        // unplaced figures are no one city's.
        let roundup = lead.city == nil && lead.state == nil && Set(placeHits.map { gazetteer.places[$0.place].state }).count >= 3
        let storyCity = lead.state != nil || roundup ? nil : lead.city ?? dominant ?? hits.first { !isPassingOwner($0, units) }?.place
        // The last figure's measure: "more than 600 of them have records" counts a part of it.
        var lastMeasure: (measure: String, unit: FigureUnit)?
        // Whose the last figure was (its city, else its state; both nil for the nation's).
        var lastOwner: (city: Int?, state: String?)?
        // The measure of the bullets under a sentence that ends in a colon ("The 543 people arrested had been charged
        // with:" then "- Drunk driving: 93 people."), while bullets follow it.
        var bulletMeasure: String?
        // Sentences since the last one that gave a figure ("That trails Georgia with 9,400" ranks the one before's).
        var sinceFigure = Int.max
        for (u, unit) in units.enumerated() {
            let recognizer = NumberRecognizer(unit.tz)
            // (A "Homicide: 2" line under a list's colon is an item too, with or without a bullet mark.)
            let bullet = FigureExtractor.isBullet(unit) || (bulletMeasure != nil && FigureExtractor.isLabelCount(unit))
            if !bullet { bulletMeasure = nil }
            var lastSentenceMeasure: (measure: String, unit: FigureUnit)?
            defer { if !bullet { bulletMeasure = judge.listIntroMeasure(unit, lastFigure: lastSentenceMeasure, earlier: lastMeasure) } }
            for (s, range) in unit.sentences.enumerated() {
                let found = recognizer.recognize(range.lowerBound, range.upperBound)
                if sinceFigure < Int.max { sinceFigure += 1 }
                var previous: (measure: String, unit: FigureUnit)?
                defer { if let previous { lastMeasure = previous }; lastSentenceMeasure = previous }
                // A breakdown's measure ("those arrested included 17 gang members, 40 convicted of felonies, …").
                var listMeasure: String?
                var enforcement: Bool?   // computed once per sentence, when a number gets that far
                // Earlier values of a change ("up from 77", "rose from 400 to 550"): the figure they precede or
                // follow in the sentence, with its city and measure, is stated again with the earlier value, just
                // after it (the knowledge keeps the first statement of a measure in an article as its claim).
                var sentenceFigure: Int?
                var pendingEarlier: [(value: Double, qualifier: Qualifier?)] = []
                var pendingUnit: FigureUnit?
                // "That's compared to 20 arrests a day in 2024.": a sentence that only compares is the figure before's
                // earlier value.
                defer {
                    if sentenceFigure == nil, !pendingEarlier.isEmpty, sinceFigure == 1, let last = figures.indices.last,
                       figures[last].unit == pendingUnit {
                        appendEarlier(pendingEarlier.filter { $0.value != figures[last].value }, after: last)
                    }
                }
                func appendEarlier(_ earlier: [(value: Double, qualifier: Qualifier?)], after index: Int) {
                    for e in earlier {
                        var copy = figures[index]
                        copy.value = e.value; copy.qualifier = e.qualifier
                        figures.append(copy)
                    }
                }
                for var n in found {
                    numbers.append(n.mention(unit.tz))
                    var changeStart: Double?
                    if n.value == nil, unit.rowText == nil, let r = n.range {
                        if judge.isChange(n, unit.tz, range) {
                            n.value = r.max; n.range = nil   // "rose from 400 to 550": the figure is 550
                            changeStart = r.min
                        } else if n.qualifier == nil {
                            n.value = r.min; n.qualifier = .atLeast   // "40% to 45% of arrests": at least 40%
                        }
                    }
                    guard let value = n.value, !n.isYear, !n.isVague, n.currency == nil else { continue }
                    // "about half were targeted": a share in words, not a count.
                    if n.unit == .count, value < 1 { continue }
                    if case .cell(let table, let row, _) = unit.kind {
                        // A numeric cell: the number is (nearly) the whole cell, a sign before it allowed ("+136%").
                        let signed = n.first == 1 && ["+", "-", "−", "–"].contains(unit.tz.tokens[0].text)
                        guard n.first == 0 || signed, n.last >= unit.tz.tokens.count - 2,
                              let header = unit.header, !header.isEmpty else { continue }
                        let key = "\(table)/\(row)"
                        let measure = FigureExtractor.normalize(header)
                        let state = rowState[key]
                        if state != nil, measure.isEmpty { continue }
                        // A table that names no place in any row ("Felony convictions | 1,245") is the story's city's.
                        let placed = state != nil ? nil : rowCity[key] ?? (placedTables.contains(table) ? nil : storyCity)
                        figures.append(Figure(city: placed.map { gazetteer.places[$0].display }, measure: measure, value: value,
                                              unit: n.unit, qualifier: n.qualifier, evidence: unit.rowText ?? "", state: state))
                        continue
                    }
                    // A sentence figure must be about enforcement ("64 parishes and 4.6 million residents" is not).
                    if enforcement == nil { enforcement = FigureExtractor.isEnforcementContext(unit.tz, range) }
                    // A share told by the arrestees' record needs the paragraph, or one of the two before, to be about
                    // enforcement ("Of all the immigrant arrests this year, 41% … Nearly 60% have no criminal convictions").
                    let recordShare = enforcement != true && judge.isRecordShare(n, unit.tz, range)
                        && (FigureExtractor.isEnforcementContext(unit.tz, 0..<unit.tz.tokens.count)
                            || (max(0, u - 2)..<u).contains { FigureExtractor.isEnforcementContext(units[$0].tz, 0..<units[$0].tz.tokens.count) })
                    // A bullet under a breakdown's colon is about what its head counts.
                    let bulletCount = bullet && bulletMeasure != nil && judge.isBulletCount(n, unit.tz)
                    // "with the number rising to 4,000", "… bringing the total to 1,150": the figure before, stated again
                    // (the one just before in the sentence, else the last one, which makes the sentence enforcement's).
                    let refersBack = judge.refersToPrevious(n, unit.tz, range)
                    let restatesLast = enforcement != true && previous == nil && lastMeasure != nil && refersBack
                    // "That trails Georgia with 9,400 and Arizona with nearly 6,200": a ranking of the figure just before.
                    let ranksLast = enforcement != true && sinceFigure <= 1 && judge.rankedWith(n, unit.tz, range) != nil
                    // "That is almost a 70% increase over the same period": the change of the figure just before.
                    let bareChange = judge.isBareChange(n, unit.tz, range)
                    let changesLast = bareChange && (previous != nil || (sinceFigure <= 1 && lastMeasure != nil))
                    let changesEarlier = changesLast && previous == nil
                    // "That includes 778 with pending criminal charges": a part of the figure just before.
                    let partOfLast = enforcement != true && previous == nil && sinceFigure <= 1 && lastMeasure != nil
                        && judge.includesPartOfLast(n, unit.tz, range)
                    guard enforcement == true || recordShare || bulletCount || restatesLast || ranksLast || changesLast || partOfLast
                    else { continue }
                    // "up from 180", "compared with 980": the earlier value of a figure, not a figure.
                    if judge.isEarlierValue(n, unit.tz, range) {
                        if judge.keepsEarlierValue(n, unit.tz, range), n.unit != .usd || n.currency == nil {
                            if let last = sentenceFigure {
                                if figures[last].unit == n.unit { appendEarlier([(value, n.qualifier)], after: last) }
                            } else {
                                pendingEarlier.append((value, n.qualifier))   // stated before its figure
                                pendingUnit = pendingUnit ?? n.unit
                            }
                        }
                        continue
                    }
                    // "300 agents to Phoenix and 150 to Tucson": the second number shares the first one's measure;
                    // "2,943 arrests, including 313 gang members": a subset of it.
                    // The number's own words first; when they name no enforcement measure ("17% of the total",
                    // "a 7% share"), the figures around it may.
                    let own = judge.subsetOfPrevious(n, unit.tz, range, previous: previous)
                        ?? judge.measure(for: n, in: unit.tz, range: range)
                    let raided = judge.isRaidedSites(n, unit.tz, range)
                    let ownFigure = own.flatMap { FigureExtractor.isFigureMeasure($0) ? $0 : nil }
                    // An item of a breakdown, in the sentence or in bullets, without an enforcement noun of its own.
                    let listed = ownFigure != nil || raided ? nil
                        : listMeasure != nil && judge.isListItem(n, unit.tz, range) ? listMeasure
                        : bulletCount ? bulletMeasure : nil
                    var restated: String?
                    if ownFigure == nil, refersBack, let before = previous ?? lastMeasure, before.unit == n.unit {
                        restated = before.measure
                    }
                    if ownFigure == nil, restated == nil, changesLast, let before = previous ?? lastMeasure { restated = before.measure }
                    guard let measure = ownFigure
                        ?? (raided ? "operations" : nil)
                        ?? listed
                        ?? restated
                        ?? judge.rankedMeasure(n, unit.tz, range, previous: previous, last: sinceFigure <= 1 ? lastMeasure : nil)
                        ?? judge.elidedMeasure(n, unit.tz, range, previous: previous)
                        ?? judge.pairedMeasure(n, unit.tz, range)
                        ?? judge.subsetOfThem(n, unit.tz, range, last: lastMeasure) ?? own else { continue }
                    // "40 counties", "a dozen protesters", "offered 300": counts of something other than enforcement;
                    // "two activists arrested": protesters arrested by the police are not the operation's.
                    guard FigureExtractor.isFigureMeasure(measure),
                          !measure.split(separator: " ").contains(where: { FigureExtractor.protestNouns.contains(String($0)) })
                    else { continue }
                    // "$5,000 in questionable spending" in a story about ICE: money is enforcement money only when its
                    // sentence names immigration enforcement.
                    if n.unit == .usd, !unit.tz.tokens[range].contains(where: { tok in
                        FigureExtractor.immigrationStems.contains { tok.lower.hasPrefix($0) } || tok.text == "ICE" }) { continue }
                    // "27 state legislators sent a letter", "67 prior jail bookings": people who are not the operation's
                    // or a person's record, whatever the verb.
                    if let first = measure.split(separator: " ").first, FigureExtractor.notEnforcementHeads.contains(String(first))
                        || measure.split(separator: " ").contains(where: { FigureExtractor.notEnforcementNouns.contains(String($0)) }) {
                        continue
                    }
                    if n.unit == .count, measure.split(separator: " ").contains(where: { FigureExtractor.notCountedNouns.contains(String($0)) }) {
                        continue
                    }
                    // "Federal prosecutors charged 78 people": the courts' cases, not the operation's arrests ("25 of them
                    // were charged" counts a part of the arrests).
                    if let verb = measure.split(separator: " ").last, FigureExtractor.prosecutionVerbs.contains(String(verb)),
                       unit.tz.tokens[range].contains(where: { $0.lower.hasPrefix("prosecutor") || $0.lower == "jury" }) { continue }
                    // "19 individuals were transferred between facilities": moves inside detention, not enforcement;
                    // "a dealer with 67 charges": one person's record.
                    if judge.isMoveOrRecord(n, measure: measure, unit.tz, range) { continue }
                    // "one in three arrests", "2 out of every 3 people": a share, not a count.
                    if judge.isShareTerm(n, unit.tz, range) { continue }
                    // "525 arrests in its El Paso Area of Responsibility", "in several western states": no one owns it.
                    if judge.isRegionCount(n, unit.tz, range) { continue }
                    // "two people were arrested on suspicion of assault": the local police's booking.
                    if measure.contains("arrest"), FigureExtractor.isLocalBooking(n, unit.tz, range) { continue }
                    // "two agents walked in" is narrative; "three U.S. citizens detained", "six more arrests" count.
                    if n.isWords && !n.hasScale && value < 10 && n.qualifier == nil && !raided && listed == nil
                        && (!FigureExtractor.isActedOn(measure) || value < 2) { continue }
                    // "nearly a dozen agents pulled up to her home": agents at one scene, not a deployment.
                    if judge.isSceneCount(n, value: value, measure: measure, unit.tz, range) { continue }
                    // "doxxed at least six ICE employees", "two officers were injured": victims, not a deployment.
                    if judge.isHarmedPersonnel(n, measure: measure, unit.tz, range) { continue }
                    previous = (measure, n.unit)
                    if listed != nil || judge.opensList(n, unit.tz, range) { listMeasure = measure }
                    let plan = judge.isPlan(n, unit.tz, range)
                    // Cities named in passing (where someone spoke, a campus) own no figure.
                    let owning = (hitsByUnit[u] ?? []).filter {
                        !($0.sentence == s && (isPassingOwner($0, units) || isComparison($0, unit.tz.tokens, range)))
                    }
                    let sentenceHits = owning.filter { $0.sentence == s }
                    let named = (hitsByUnit[u] ?? []).contains { $0.sentence == s }
                    var city = cityFor(n, sentence: s, unitHits: owning, unit: unit, dominant: dominant)
                    // "100 agents headed to the Bay Area": a region named for its main city is that city's.
                    if sentenceHits.isEmpty, let region = regionCity(unit, range) { city = region }
                    var stateFallback: String?
                    if city == nil, !named || sentenceHits.isEmpty {
                        // A quota or a rate stated without a city is the agency's ("wants 3,000 arrests a day").
                        // "ICE arrested nearly 33,000 people in its first 50 days" in a Las Vegas story: a count of
                        // tens of thousands (or billions of dollars) with no place named is the agency's, not a city's.
                        // (A share in such a sentence is the agency's too: "nearly 33,000 …, including 75% accused of
                        // a crime".)
                        let agencyWide = (n.unit == .count && value >= 10_000) || (n.unit == .usd && value >= 1_000_000_000)
                            || (n.unit == .percent && found.contains { $0.unit == .count && ($0.value ?? 0) >= 10_000 })
                        // (An arrest quota with no place named is the agency's: "raised ICE's daily quota to 3,000".)
                        let national = judge.isNational(unit.tz, range) || (plan && measure.hasSuffix(" a day"))
                            || (plan && unit.tz.tokens[range].contains { ["quota", "quotas"].contains($0.lower) })
                            // "ICE said its agents made around 2,000 arrests in the last several days", "it arrested
                            // nearly 1,200 people on Monday alone": thousands in days, with no place named, are the
                            // agency's.
                            || (n.unit == .count && value >= 1_000 && !named && Self.namesDaysSpan(unit.tz.tokens, range))
                            || judge.isAgencyTally(measure, unit.tz, range)
                            || (agencyWide && !named && stateNamed(unit, range) == nil)
                            || (n.unit != .usd && FigureExtractor.isRate(measure))
                        // A change in percent stated without a place is the agency's ("the agency reported a 15% rise").
                        let change = judge.isPercentChange(n, unit.tz, range)
                        // A story about a state ("… across Massachusetts") gives its figures to the state, even
                        // when it names one city in passing.
                        // "… turned their sights on Memphis. More than 1,500 agents are still working …": the one city
                        // the sentence before (in the same paragraph) names as a place.
                        let before = s > 0 ? Set((hitsByUnit[u] ?? []).filter { $0.sentence == s - 1 && $0.passing == nil }.map(\.place)) : []
                        let antecedent = before.count == 1 ? before.first : nil
                        city = national || change || lead.state != nil ? nil : (named ? dominant : soleCity ?? antecedent) ?? storyCity
                        // A sentence that names a state and no city states that state's figure; so does a story about
                        // a state ("… across Massachusetts").
                        if !national, sentenceHits.isEmpty,
                           let st = stateNamed(unit, range) ?? regionState(unit, range) ?? (city == nil && !change ? lead.state : nil) {
                            stateFallback = st; city = nil
                        }
                        // "At least four people arrested in Spokane County": a county's count, with no city named, is
                        // its state's (the story's city's state).
                        // (Not the county named after the city: "the Milwaukee County Courthouse" is Milwaukee's.)
                        if !national, stateFallback == nil, sentenceHits.isEmpty, let c = city,
                           namesCounty(unit.tz.tokens, range, other: gazetteer.places[c].name) {
                            stateFallback = gazetteer.places[c].state; city = nil
                        }
                    }
                    // "The agency wants 2,000 arrests a day, … as agents arrived in Seattle", "a daily quota": a quota is
                    // the agency's unless a city is its object ("wants 500 arrests a day in Seattle").
                    if plan, FigureExtractor.isRate(measure) || measure.hasSuffix("quota") || measure.hasSuffix("quotas"),
                       !cityAttached(n, unit.tz.tokens, sentenceHits) {
                        city = nil
                    }
                    // "arrests rose 15% nationwide, with the biggest gains in Chicago": the national word is nearer.
                    if let place = city, let national = judge.nationalDistance(n, unit.tz, range) {
                        let hits = sentenceHits.filter { $0.place == place }
                        if let nearest = hits.map({ distance($0, n) }).min(), national < nearest { city = nil }
                        else if hits.isEmpty { city = nil }
                    }
                    // "30 arrests … teams worked in Quincy, Malden, Medford, Waltham and Newton": a list of many towns
                    // is the story's metro, not the first town listed (unless the count is attached to one of them).
                    if let place = city, let main = storyCity, main != place, Set(sentenceHits.map(\.place)).count >= 4,
                       !sentenceHits.contains(where: { $0.place == main }), !cityAttached(n, unit.tz.tokens, sentenceHits) {
                        city = main
                    }
                    // "7,092 arrests when including those made by ICE in Houston, El Paso, and San Antonio": a total over
                    // three or more far-apart cities of one state, attached to none of them, is the state's.
                    let spread = Set(sentenceHits.map(\.place))
                    if spread.count >= 3, Set(spread.map { gazetteer.places[$0].state }).count == 1,
                       !cityAttached(n, unit.tz.tokens, sentenceHits),
                       spread.allSatisfy({ a in spread.allSatisfy { b in a == b || gazetteer.distance(a, b) > 100 } }) {
                        city = nil; stateFallback = gazetteer.places[spread.first!].state
                    }
                    // "six were arrested in El Paso County, and three were arrested in Denver": a count whose own clause
                    // places it in a county (and names no city) is the county's state's, not the next clause's city's.
                    if let place = city, n.unit == .count {
                        let tokens = unit.tz.tokens
                        var end = n.last + 1
                        while end < range.upperBound, ![",", ";", "and", "while", "but"].contains(tokens[end].lower) { end += 1 }
                        let clause = n.last + 1..<end
                        if !sentenceHits.contains(where: { clause.contains($0.first) }),
                           clause.contains(where: { k in k + 2 < end && ["in", "across"].contains(tokens[k].lower) && tokens[k + 1].isCapitalized
                               && (k + 1..<min(end, k + 4)).contains { ["County", "Parish"].contains(tokens[$0].text) } }),
                           namesCounty(tokens, clause, other: gazetteer.places[place].name) {
                            stateFallback = gazetteer.places[place].state; city = nil
                        }
                    }
                    // "a review of 142 arrests …: 28 of those arrests in Minneapolis, 19 in Rochester …": a total broken
                    // down by city after it is none of theirs; it is their state's when they share one.
                    if n.unit == .count, let parts = breakdownCities(after: n, value: value, found, unit.tz.tokens, sentenceHits) {
                        let states = Set(parts.map { gazetteer.places[$0].state })
                        city = nil
                        stateFallback = states.count == 1 ? states.first : nil
                    }
                    // "the 200 Oregon soldiers stationed at Camp Rilea in Warrenton": troops staged for the story's
                    // city, not the camp's town's (nor their home state's) figure.
                    let counted = String(measure.split(separator: " ").last ?? "")
                    let tokens = unit.tz.tokens
                    var staged = Self.troopNouns.contains(counted)
                        && storyCity != nil && (n.last + 1..<min(range.upperBound, n.last + 5)).contains {
                            ["stationed", "staged", "staging", "based", "housed"].contains(tokens[$0].lower) }
                    // "100 CBP agents deployed to a Coast Guard base in Alameda": agents staged at a base for the
                    // story's city's operation.
                    if !staged, let main = storyCity, city != main, Self.troopNouns.contains(counted) || ["agents", "officers"].contains(counted) {
                        staged = (n.last + 1..<min(range.upperBound, n.last + 22)).contains { k in
                            Self.baseWords.contains(tokens[k].lower)
                                || (tokens[k].text == "Coast" && k + 1 < range.upperBound && tokens[k + 1].text == "Guard")
                        }
                    }
                    if staged, let main = storyCity { city = main }
                    // "250 arrests across Colorado", "a Texas operation that netted 900 arrests": the state's figure.
                    // "Texas with 12,500": the place a ranked count stands beside owns it.
                    // "358 and 353 people, respectively, in New Jersey and Pennsylvania": each count's place is given.
                    let placed = respectivePlace(n, found, unit, range, sentenceHits)
                        ?? judge.rankedWith(n, unit.tz, range).flatMap { with in
                            placeEnding(at: unit.tz.tokens[with - 1].text == "," ? with - 2 : with - 1, unit, range, sentenceHits) }
                    if let place = placed?.city { city = place }
                    let owner = staged ? nil : placed.map { $0.state }
                        ?? stateOwner(n, unit, range, sentenceHits: sentenceHits, city: city ?? soleCity ?? dominant)
                    // "the field office — whose operations cover Nevada, Utah, Montana and Idaho — made 53 arrests": a
                    // region of several states that no one of them owns.
                    if city == nil, owner == nil, placed == nil, statesNamed(unit, range) >= 2 { continue }
                    var state = owner ?? stateFallback
                    if state != nil { city = nil }
                    // "Of the 10 arrested in Ohio, three …" then "Of the 10, three were arrested before": a part of an
                    // earlier figure, in a sentence that names no place, is that figure's owner's.
                    // So is a bare change of it ("That is almost a 70% increase over the same period").
                    if !named, placed == nil, let earlier = lastOwner, stateNamed(unit, range) == nil,
                       judge.countsPartOfEarlier(n, unit.tz, range) || changesEarlier || partOfLast {
                        city = earlier.city; state = earlier.state
                    }
                    // "three to eight people a day in Oregon, Idaho and Alaska": a region of several states (a field
                    // office's) that no city, state or the nation owns.
                    if city == nil, placed == nil, statesAfter(n, unit, range) >= 2 { continue }
                    figures.append(Figure(city: city.map { gazetteer.places[$0].display }, measure: measure, value: value,
                                          unit: n.unit, qualifier: n.qualifier, evidence: unit.evidence(range),
                                          scope: city != nil ? .city : state != nil ? .state : .national,
                                          state: state ?? city.map { gazetteer.places[$0].state },
                                          plan: plan))
                    // "eight each in Hibbing and St. Paul": the same count for every city listed after "each in".
                    if let place = city {
                        for other in eachCities(after: n, unit.tz.tokens, sentenceHits) where other != place {
                            var copy = figures[figures.count - 1]
                            copy.city = gazetteer.places[other].display
                            copy.state = gazetteer.places[other].state
                            figures.append(copy)
                        }
                    }
                    sentenceFigure = figures.count - 1
                    sinceFigure = 0
                    lastOwner = (city, state)
                    // "from just over 1,000 … a roughly 500 percent increase": an earlier count is not a percent's.
                    if let pendingUnit, pendingUnit != n.unit { pendingEarlier = [] }
                    if let changeStart { pendingEarlier.insert((changeStart, nil), at: 0) }
                    pendingEarlier.removeAll { $0.value == value }
                    appendEarlier(pendingEarlier, after: figures.count - 1)
                    pendingEarlier = []; pendingUnit = nil
                }
            }
        }
        return (Self.droppingStateRestatements(figures), numbers)
    }

    /// The cities a count is broken down into later in its sentence: at least two smaller counts after it, each
    /// followed within four words by "in <City>", in at least two cities ("142 arrests …, 28 of those in Minneapolis,
    /// 19 in Rochester").
    func breakdownCities(after n: RecognizedNumber, value: Double, _ found: [RecognizedNumber], _ t: [Token],
                         _ sentenceHits: [CityHit]) -> Set<Int>? {
        func placeIn(after m: RecognizedNumber) -> Int? {
            sentenceHits.first(where: { h in h.first > m.last && h.first <= m.last + 6
                && t[h.first - 1].lower == "in" && !(m.last + 1..<h.first).contains { [",", ";"].contains(t[$0].text) } })?.place
        }
        // (A part itself, "28 of those arrests in Minneapolis", is its city's.)
        guard placeIn(after: n) == nil else { return nil }
        var places = Set<Int>()
        var parts = 0
        for m in found where m.first > n.last && m.unit == n.unit && (m.value ?? .infinity) < value {
            guard let place = placeIn(after: m) else { continue }
            parts += 1
            places.insert(place)
        }
        return parts >= 2 && places.count >= 2 ? places : nil
    }

    /// "eight each in Hibbing and St. Paul": the cities listed right after "each in", joined by commas and "and".
    func eachCities(after n: RecognizedNumber, _ t: [Token], _ sentenceHits: [CityHit]) -> [Int] {
        guard n.last + 2 < t.count, t[n.last + 1].lower == "each", t[n.last + 2].lower == "in" else { return [] }
        var out: [Int] = []
        var k = n.last + 3
        while let hit = sentenceHits.first(where: { $0.first == k }) {
            out.append(hit.place)
            k = hit.last + 1
            guard k < t.count, [",", "and"].contains(t[k].lower) else { break }
            k += 1
            if k < t.count, t[k].lower == "and" { k += 1 }
        }
        return out
    }

    /// "a prison in northwest Michigan reopens with 1,800 beds" and "the 1,800-bed complex in Baldwin": a state's
    /// figure that a city of that state has too (same value, unit, counted noun and plan) is the city's, restated
    /// less precisely; it is dropped.
    static func droppingStateRestatements(_ figures: [Figure]) -> [Figure] {
        func noun(_ f: Figure) -> Substring { f.measure.split(separator: " ").last ?? "" }
        let cityFigures = figures.filter { $0.scope == .city }
        guard !cityFigures.isEmpty, figures.contains(where: { $0.scope == .state }) else { return figures }
        return figures.filter { f in
            f.scope != .state || !cityFigures.contains { c in
                c.state == f.state && c.value == f.value && c.unit == f.unit && c.plan == f.plan && noun(c) == noun(f)
            }
        }
    }

    /// Nouns of a deployment's forces ("200 Oregon soldiers", "300 Guard troops").
    static let troopNouns: Set<String> = ["troops", "soldiers", "guardsmen", "guardsman", "marines"]
    /// Places where agents or troops are staged: "a Coast Guard base", "a military camp", "the armory".
    static let baseWords: Set<String> = ["base", "camp", "barracks", "armory", "installation"]

    /// Whether a hit stands in a comparison ("than in the Chicago sweeps", "like Los Angeles"): not the owner.
    func isComparison(_ hit: CityHit, _ t: [Token], _ range: Range<Int>) -> Bool {
        (max(range.lowerBound, hit.first - 3)..<hit.first).contains { Self.isComparisonWord($0, t) }
    }

    /// "than", "like", "unlike", "similar" as a comparison ("than in the Chicago sweeps"), not the hedge "more than 400".
    static func isComparisonWord(_ j: Int, _ t: [Token]) -> Bool {
        guard ["than", "like", "unlike", "similar"].contains(t[j].lower) else { return false }
        return !(t[j].lower == "than" && j + 1 < t.count && t[j + 1].kind == .number)
    }

    /// Whether a hit names its city in passing in a way that cannot own a figure (a speaker's place, a campus).
    func isPassingOwner(_ hit: CityHit, _ units: [TextUnit]) -> Bool {
        let p = hit.passing
        return p == .speech || p == .affiliation || p == .seat || p == .origin || p == .dateline || p == .title
    }

    /// Whether the sentence counts over a few days: "in the last several days", "in just a few days", "on Monday
    /// alone", "in a single day", "per day".
    static func namesDaysSpan(_ t: [Token], _ range: Range<Int>) -> Bool {
        range.contains { k in
            let w = t[k].lower
            let before = k > range.lowerBound ? t[k - 1].lower : ""
            if w == "days", ["several", "few", "couple"].contains(before) { return true }
            if w == "alone", before.hasSuffix("day") { return true }
            if w == "day", ["single", "one", "per"].contains(before) { return true }
            return false
        }
    }

    /// Whether the sentence names a county or a parish ("Spokane County", "the Franklin County Jail", "St. Tammany
    /// Parish").
    func namesCounty(_ t: [Token], _ range: Range<Int>, other city: String) -> Bool {
        range.contains { k in k > range.lowerBound && ["County", "Parish"].contains(t[k].text) && t[k - 1].isCapitalized
            && !city.hasSuffix(t[k - 1].text) }
    }

    /// The city a sentence figure describes: the nearest city before it in the same clause, else the nearest one.
    func cityFor(_ n: RecognizedNumber, sentence: Int, unitHits: [CityHit], unit: TextUnit, dominant: Int? = nil) -> Int? {
        let t = unit.tz.tokens
        let named = unitHits.contains { $0.sentence == sentence }
        // A city inside a relative clause the number is not in ("Bovino, who led operations in Chicago, said 250
        // agents would take part") is not the place the figure describes.
        let inSentence = unitHits.filter { $0.sentence == sentence && !Self.inRelativeClause($0, apartFrom: n, t) }
        guard !inSentence.isEmpty else { return named ? dominant : nil }
        func clauseBreak(_ a: Int, _ b: Int) -> Bool {
            (min(a, b)..<max(a, b)).contains { [";", "while", "whereas", "but"].contains(t[$0].text) }
        }
        // "81 arrests on the first day; operation said to head to Raleigh": a city only past a clause break is not
        // the figure's when the story has its own.
        if let dominant, inSentence.allSatisfy({ clauseBreak($0.last, n.first) }) { return dominant }
        if Set(inSentence.map(\.place)).count == 1 { return inSentence[0].place }
        // "150 to Tucson", "85 people in Omaha": a place right after the number, through a preposition, is its place.
        if let after = inSentence.filter({ $0.first > n.last && $0.first <= n.last + 4 }).min(by: { $0.first < $1.first }),
           (n.last + 1..<after.first).contains(where: { ["to", "in", "at", "for", "across"].contains(t[$0].text.lowercased()) }),
           !(n.last + 1..<after.first).contains(where: { [",", ";", "and", "while"].contains(t[$0].text.lowercased()) }) {
            return after.place
        }
        let sameClause = inSentence.filter { !clauseBreak($0.last, n.first) }
        let pool = sameClause.isEmpty ? inSentence : sameClause
        guard let nearest = pool.min(by: { distance($0, n) < distance($1, n) }) else { return nil }
        // "the Dallas-Fort Worth area", "in New Orleans, Kenner and southeast Louisiana": a pair or a list of cities
        // is the first one's.
        var first = nearest
        while first.first >= 2, ["-", ",", "and"].contains(t[first.first - 1].text),
              let before = inSentence.first(where: { $0.last == first.first - 2 }) { first = before }
        return first.place
    }

    func distance(_ h: CityHit, _ n: RecognizedNumber) -> Int {
        h.last < n.first ? n.first - h.last : (h.first - n.last) + 1
    }

    /// Whether the hit stands in a ", who/which/whose … ," clause that does not hold the number.
    static func inRelativeClause(_ h: CityHit, apartFrom n: RecognizedNumber, _ t: [Token]) -> Bool {
        var k = h.first - 1
        while k >= 0, t[k].text != ",", t[k].text != "." , t[k].text != ";" { k -= 1 }
        guard k >= 0, t[k].text == ",", k + 1 < t.count, ["who", "which", "whose"].contains(t[k + 1].lower) else { return false }
        var end = h.last + 1
        while end < t.count, t[end].text != ",", t[end].text != ".", t[end].text != ";" { end += 1 }
        return !(k < n.first && n.last < end)
    }
}
