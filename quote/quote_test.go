package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// doc makes a doc of text with paragraphs at blank lines.
func doc(text string) *news.Doc {
	d := &news.Doc{Article: news.Article{Text: text}}
	start := 0
	for _, p := range strings.Split(text, "\n\n") {
		d.Paragraphs = append(d.Paragraphs, news.Span{Start: start, End: start + len(p)})
		start += len(p) + 2
	}
	return d
}

type want struct {
	speaker, source, cue, content string
	direct                        bool
}

func TestPatterns(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"quote then pronoun",
			"Major General Mohammad Baqeri met the press.\n\n“We are pleased with the gains,” he said.",
			[]want{{"Mohammad Baqeri", "he", "said", "“We are pleased with the gains,”", true}}},
		{"colon before quote",
			`Senator Jane Roe spoke on Monday. Roe said: "The bill will pass this week."`,
			[]want{{"Jane Roe", "Roe", "said", `"The bill will pass this week."`, true}}},
		{"said that quote",
			`Defence Minister Ali Karimi spoke. For his part, Karimi said that "borders are not negotiable," according to semi-official Fars news agency.`,
			[]want{{"Ali Karimi", "Karimi", "said", `that "borders are not negotiable,"`, true}}},
		{"transcript turns",
			"Mike Pence spoke with Chris Wallace.\n\nWALLACE: Do you see those two as equivalent?\n\nPENCE: Well, look, I think she is wrong.",
			[]want{{"Chris Wallace", "WALLACE", ":", "Do you see those two as equivalent?", true}, {"Mike Pence", "PENCE", ":", "Well, look, I think she is wrong.", true}}},
		{"a capitalised opener is no speaker label",
			"BREAKING: The senator said the vote will wait.\n\nLOOK: It is late.",
			[]want{{"", "The senator", "said", "the vote will wait", false}}},
		{"interview questions and answers",
			"Q: What did you find?\n\nA: My parents were gone.",
			[]want{{"", "Q", ":", "What did you find?", true}, {"", "A", ":", "My parents were gone.", true}}},
		{"signed quotations",
			"Readers wrote in. “He scares me.” ― Edwin G. Monroy “We can build a wall around him.” — Steve Quinlan.",
			[]want{{"Edwin G. Monroy", "Edwin G. Monroy", "―", "“He scares me.”", true}, {"Steve Quinlan", "Steve Quinlan", "—", "“We can build a wall around him.”", true}}},
		{"a possessor is not the speaker",
			"Sergeant Gilad Shalit was freed.\n\n\"Until we see him, we are following with concern,\" Shalit's father, Noam, told Israel Radio.",
			[]want{{"Noam", "Shalit's father, Noam,", "told", `"Until we see him, we are following with concern,"`, true}}},
		{"a report by its author",
			"Senator Jane Roe wrote a report. But the report, by Senator Jane Roe, concluded that \"the allegations rest on factual errors.\"",
			[]want{{"Jane Roe", "the report", "concluded", `that "the allegations rest on factual errors."`, true}}},
		{"dash before a cue is no signature",
			"“We will win” — Trump said on Monday.",
			[]want{{"Trump", "Trump", "said", "“We will win”", true}}},
		{"subject with a prepositional phrase",
			"Experts on North Korea and nuclear nonproliferation said the latest nuclear test could change that.",
			[]want{{"", "Experts on North Korea and nuclear nonproliferation", "said", "the latest nuclear test could change that", false}}},
		{"subject with a relative clause without a pronoun",
			"In her favor, all the experts I interviewed said her proposals were more detailed.",
			[]want{{"", "all the experts I interviewed", "said", "her proposals were more detailed", false}}},
		{"subject with a participle and a time",
			"A Quinnipiac University poll released in late August found that 74 percent of likely voters want the returns.",
			[]want{{"", "A Quinnipiac University poll released in late August", "found", "that 74 percent of likely voters want the returns", false}}},
		{"bare plural after a conjunction",
			"But environmentalists worry that the company is breathing new life into a polluting industry.",
			[]want{{"", "environmentalists", "worry", "that the company is breathing new life into a polluting industry", false}}},
		{"a second clause with its own cue",
			"The mayor agreed that the rules should change, but he said that the debate should wait.",
			[]want{{"", "he", "said", "that the debate should wait", false}}},
		{"told a named addressee on a day",
			"Trump would back the plan if it is a good business decision, Sen. Lindsey Graham (R-S.C.) told The Huffington Post on Thursday.",
			[]want{{"Lindsey Graham", "Sen. Lindsey Graham (R-S.C.)", "told", "Trump would back the plan if it is a good business decision", false}}},
		{"age after the name",
			"''I have never been edited,'' Larry Lee, 82, told me.",
			[]want{{"Larry Lee", "Larry Lee, 82,", "told", "''I have never been edited,''", true}}},
		{"according to a lowercase source",
			"More than half of his medical advice is wrong, according to the top British medical journal.",
			[]want{{"", "the top British medical journal", "according to", "More than half of his medical advice is wrong", false}}},
		{"inverted cue",
			`"It takes an election," said Sen. Dick Durbin (D-Ill.).`,
			[]want{{"Dick Durbin", "Sen. Dick Durbin (D-Ill.)", "said", `"It takes an election,"`, true}}},
		{"split quote",
			`President Anna Berg arrived. "We held talks," Berg told reporters, "and we agreed on a plan."`,
			[]want{{"Anna Berg", "Berg", "told", `"We held talks,"`, true}, {"Anna Berg", "Berg", "told", `"and we agreed on a plan."`, true}}},
		{"continued over sentences",
			`"We will win," Mayor Tom Lee said. "Nobody can stop us."`,
			[]want{{"Tom Lee", "Mayor Tom Lee", "said", `"Nobody can stop us."`, true}}},
		{"continued over paragraphs",
			"Governor Ann Wu said: \"The plan is good.\n\n\"It will work for everyone.\"",
			[]want{{"Ann Wu", "Governor Ann Wu", "said", "\"It will work for everyone.\"", true}}},
		{"asked by, answer quoted",
			`Melania Trump spoke to NBC. Asked by Matt Lauer whether she had practiced her speech, she said, "I read it once over."`,
			[]want{{"Matt Lauer", "Matt Lauer", "Asked", "whether she had practiced her speech", false}}},
		{"asked before a quoted answer",
			`Reince Priebus met reporters. Asked whether he would fire a speechwriter, Priebus said, "Probably."`,
			[]want{{"", "", "Asked", "whether he would fire a speechwriter", false}}},
		{"when asked by",
			`"Absolutely," Sen. Bernie Sanders said when asked by a reporter if that remains his view.`,
			[]want{{"", "a reporter", "asked", "if that remains his view", false}}},
		{"outer cue with that",
			`Several fact checkers have pointed out that Comey said only that her statements were truthful.`,
			[]want{{"", "Several fact checkers", "pointed out", "that Comey said only that her statements were truthful", false}}},
		{"possessive subject",
			`Trump's new PFD form stated that his revenue increased.`,
			[]want{{"", "Trump's new PFD form", "stated", "that his revenue increased", false}}},
		{"subject with whose",
			`The officials whose laws have been invalidated say the real change has come.`,
			[]want{{"", "The officials whose laws have been invalidated", "say", "the real change has come", false}}},
		{"bare plural after an adverb",
			`Indeed, statistics indicate that Democratic voters are more diverse.`,
			[]want{{"", "statistics", "indicate", "that Democratic voters are more diverse", false}}},
		{"parenthetical cue",
			`The plan, Senator Ann Lee said, will fail next year.`,
			[]want{{"Ann Lee", "Senator Ann Lee", "said", "The plan", false}, {"Ann Lee", "Senator Ann Lee", "said", "will fail next year", false}}},
		{"question then source and cue",
			`Glenn Beck spoke on the radio. “What was the massive pivot point?” Beck questioned.`,
			[]want{{"Glenn Beck", "Beck", "questioned", "“What was the massive pivot point?”", true}}},
		{"relative clause ends at its comma",
			`Senate Minority Leader Harry Reid, who endorsed Clinton in February, reiterated those feelings on Tuesday.`,
			[]want{{"Harry Reid", "who", "endorsed", "Clinton in February", false}}},
		{"and added, quote",
			`In an interview last year, Lazar said he welcomed extradition and added, "I'll plead guilty, no problem."`,
			[]want{{"Lazar", "Lazar", "added", `"I'll plead guilty, no problem."`, true}}},
		{"passive with agent",
			`Scully's involvement was first reported by the New York Times.`,
			[]want{{"New York Times", "the New York Times", "was first reported", "Scully's involvement", false}}},
		{"according to after a dash",
			"Half of his advice is unsubstantiated — or flat out wrong — according to the top British medical journal.",
			[]want{{"", "the top British medical journal", "according to", "Half of his advice is unsubstantiated — or flat out wrong", false}}},
		{"an indefinite subject",
			"Then someone asked how Clinton could inspire young people.",
			[]want{{"", "someone", "asked", "how Clinton could inspire young people", false}}},
		{"passive without an agent",
			`Hours later, a curfew was announced from midnight to 6 a.m.`,
			[]want{{"", "", "was announced", "a curfew", false}}},
		{"colon closing the paragraph before a block quote",
			"In the text accompanying the video, Lance Wallnau wrote:\n\nI think this prayer is timely. He is right.\n\nThen he left.",
			[]want{{"Lance Wallnau", "Lance Wallnau", "wrote", "I think this prayer is timely. He is right.", false}}},
		{"quoted title in the subject",
			`Trump, the star of the reality TV show "The Apprentice," said in an interview that conventions have been too dull.`,
			[]want{{"Trump", `Trump, the star of the reality TV show "The Apprentice,"`, "said", "that conventions have been too dull", false}}},
		{"aside between dashes",
			`On Friday, Newt Gingrich — mentioned as the leading choice for running mate — told Fox News that the offer deserved a look.`,
			[]want{{"Newt Gingrich", "Newt Gingrich — mentioned as the leading choice for running mate —", "told", "that the offer deserved a look", false}}},
		{"inverted cue before a quotation",
			`Jane Solovey worked for him. But, said Solovey, "I don't want to drum up conflict."`,
			[]want{{"Jane Solovey", "Solovey", "said", `"I don't want to drum up conflict."`, true}}},
		{"quantifier subject",
			`The mayor backed the plan. But others said the plan will fail.`,
			[]want{{"", "others", "said", "the plan will fail", false}}},
		{"quantifier before a verb of saying",
			`That attitude, many argue, could carry constitutional implications.`,
			[]want{{"", "many", "argue", "could carry constitutional implications", false}}},
		{"according to after an attributed sentence",
			`According to the FBI, the aide asked him to delete emails. The employee did not do so immediately, according to the summary.`,
			[]want{{"", "the summary", "according to", "The employee did not do so immediately", false}}},
		{"lowercase source before a cue after a quotation",
			"“The campaign has informed us,” the release said.\n\n“It has not named another speaker,” the release added.",
			[]want{{"", "the release", "added", "“It has not named another speaker,”", true}}},
		{"noun cue inside what was said",
			`Sen. Bernie Sanders said Trump's attacks on Clinton were unfair.`,
			[]want{{"Bernie Sanders", "Sen. Bernie Sanders", "said", "Trump's attacks on Clinton were unfair", false}}},
		{"impression inside what was said",
			`Sen. Bernie Sanders said Trump seemed poised to win the nomination.`,
			[]want{{"Bernie Sanders", "Sen. Bernie Sanders", "said", "Trump seemed poised to win the nomination", false}}},
		{"scare quotes in a noun phrase",
			`Sen. Ann Lee said the "fake news" media had lied about the plan.`,
			[]want{{"Ann Lee", "Sen. Ann Lee", "said", `the "fake news" media had lied about the plan`, false}}},
		{"source with a name in apposition after a quotation",
			`"We need him because life is very hard," his wife, Gabriela Lazar, wrote in a letter to the court.`,
			[]want{{"Gabriela Lazar", "his wife, Gabriela Lazar,", "wrote", `"We need him because life is very hard,"`, true}}},
		{"according to a source with an apposition",
			`According to Lorella Praeli, Clinton's Latino vote director, the campaign has targeted Latino voters.`,
			[]want{{"Lorella Praeli", "Lorella Praeli, Clinton's Latino vote director", "According to", "the campaign has targeted Latino voters", false}}},
		{"quotation with its own cue after an attributed sentence",
			`Politico described a candidate aggrieved. "Sanders is filled with resentment, all while holding on to the chance," Edward-Isaac Dovere and Gabriel Debenedetti wrote.`,
			[]want{{"Edward-Isaac Dovere and Gabriel Debenedetti", "Edward-Isaac Dovere and Gabriel Debenedetti", "wrote", `"Sanders is filled with resentment, all while holding on to the chance,"`, true}}},
		{"inverted quantifier source",
			`"Better watch out for illegal conduct by Grimes," tweeted another.`,
			[]want{{"", "another", "tweeted", `"Better watch out for illegal conduct by Grimes,"`, true}}},
		{"said that",
			"Prime Minister Haider al-Abadi said earlier on Wednesday that cooperation is aimed at security.",
			[]want{{"Haider al-Abadi", "Prime Minister Haider al-Abadi", "said", "that cooperation is aimed at security", false}}},
		{"according to before",
			"According to Tasnim News Agency, the sides agreed to expand cooperation.",
			[]want{{"Tasnim News Agency", "Tasnim News Agency", "According to", "the sides agreed to expand cooperation", false}}},
		{"content then he said",
			"General Omar Haddad arrived. Iran only recognizes Iraq in totality, he said.",
			[]want{{"Omar Haddad", "he", "said", "Iran only recognizes Iraq in totality", false}}},
		{"for his part",
			"Major General Othman al-Ghanmi came to Tehran. The Iraqi official, for his part, said that Iraq was targeted by terrorism.",
			[]want{{"Othman al-Ghanmi", "The Iraqi official", "said", "that Iraq was targeted by terrorism", false}}},
		{"adding",
			"Mayor Tom Lee said that taxes would fall, adding that spending would rise.",
			[]want{{"Tom Lee", "Mayor Tom Lee", "said", "that taxes would fall", false}, {"Tom Lee", "Mayor Tom Lee", "adding", "that spending would rise", false}}},
		{"emphasized",
			`"The armed forces do not recognize any other authority," Bagheri emphasized.`,
			[]want{{"Bagheri", "Bagheri", "emphasized", `"The armed forces do not recognize any other authority,"`, true}}},
		{"belief",
			"Senator Jane Roe believes that the deal is bad for workers.",
			[]want{{"Jane Roe", "Senator Jane Roe", "believes", "that the deal is bad for workers", false}}},
		{"voiced concern",
			"Minister Ali Karimi voiced concern that the vote could lead to tensions.",
			[]want{{"Ali Karimi", "Minister Ali Karimi", "voiced concern", "that the vote could lead to tensions", false}}},
		{"description by nationality",
			"Chief of Staff of the Iranian Armed Forces Major General Mohammad Baqeri received his Iraqi counterpart Major General Othman al-Ghanmi.\n\n" +
				"“We will defeat terrorism together,” the Iraqi official said.\n\n" +
				"“Iran stands by Iraq,” the top Iranian commander added.",
			[]want{{"Othman al-Ghanmi", "the Iraqi official", "said", "“We will defeat terrorism together,”", true},
				{"Mohammad Baqeri", "the top Iranian commander", "added", "“Iran stands by Iraq,”", true}}},
		{"via agency",
			`Lieutenant-General Othman al-Ghanemi arrived. "We believe in unity," al-Ghanemi said, according to Tasnim news agency.`,
			[]want{{"Othman al-Ghanemi", "al-Ghanemi", "said", `"We believe in unity,"`, true}}},
		{"poll closing the sentence",
			"Trump leads by 57 percent to 33 percent in the new Fox News poll released Thursday.",
			[]want{{"", "the new Fox News poll", "in", "Trump leads by 57 percent to 33 percent", false}}},
		{"passive question",
			"Senator Jane Roe was asked about the vote on Monday.",
			[]want{{"", "", "was asked about", "the vote on Monday", false}}},
		{"reportedly",
			"Mayor Tom Lee reportedly made the comments to aides.",
			[]want{{"", "", "reportedly", "made the comments to aides", false}}},
		{"owned noun of saying",
			"Senator Jane Roe's attacks on the governor grew sharper.",
			[]want{{"Jane Roe", "Senator Jane Roe's", "attacks on", "the governor", false}}},
		{"coordinated report",
			"Mayor Tom Lee said taxes would fall and expressed hope that spending would rise.",
			[]want{{"Tom Lee", "Mayor Tom Lee", "said", "taxes would fall", false}}},
		{"seemed to say",
			"Senator Jane Roe seemed to acknowledge that the vote was lost.",
			[]want{{"Jane Roe", "Senator Jane Roe", "seemed to acknowledge", "that the vote was lost", false}}},
		{"two cues with one subject",
			"In his speech, Senator Lindsey Graham urged Republicans to join the believers, and criticized the party’s silence on the climate.",
			[]want{
				{"Lindsey Graham", "Senator Lindsey Graham", "urged", "Republicans to join the believers", false},
				{"Lindsey Graham", "Senator Lindsey Graham", "criticized", "the party’s silence on the climate", false},
			}},
		{"a participle after the first cue's content",
			"Senator Jane Roe complained about her microphone after the debate, even suggesting it had been sabotaged.",
			[]want{
				{"Jane Roe", "Senator Jane Roe", "complained", "about her microphone after the debate", false},
				{"Jane Roe", "Senator Jane Roe", "suggesting", "it had been sabotaged", false},
			}},
		{"a participle after a quotation's cue keeps the quotation open",
			"“We can’t afford this,” Senator Jane Roe said, even suggesting the bill was a fraud.\n\n“And we will not pay for it.”",
			[]want{
				{"Jane Roe", "Senator Jane Roe", "said", "“We can’t afford this,”", true},
				{"Jane Roe", "Senator Jane Roe", "suggesting", "the bill was a fraud", false},
				{"Jane Roe", "Senator Jane Roe", "said", "“And we will not pay for it.”", true},
			}},
		{"a participle opening the sentence",
			"Citing an unfounded theory, Senator Jane Roe accused the governor of lying.",
			[]want{
				{"Jane Roe", "Senator Jane Roe", "Citing", "an unfounded theory", false},
				{"Jane Roe", "Senator Jane Roe", "accused", "the governor of lying", false},
			}},
		{"an impression without content before a cue",
			"As improbable as it may seem, Mr. Clarke said the deal had played to his advantage.",
			[]want{{"Clarke", "Mr. Clarke", "said", "the deal had played to his advantage", false}}},
		{"a relative clause is not a closing cue",
			"The senator handed the papers to the AP, which first reported the story.",
			[]want{{"", "which", "reported", "the story", false}}},
		{"shares of a group as sources",
			"Three quarters of the voters said they were worried, and more than 4 in 10 said Jane Roe would be best at handling the economy. Among likely voters, 52% said they favor Roe.",
			[]want{
				{"", "Three quarters of the voters", "said", "they were worried", false},
				{"", "more than 4 in 10", "said", "Jane Roe would be best at handling the economy", false},
				{"", "52%", "said", "they favor Roe", false},
			}},
		{"a time after a closing cue is no source",
			"“The veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.",
			[]want{{"Mitch McConnell", "Senate Majority Leader Mitch McConnell, R-Ky.,", "said", "“The veto will be overridden,”", true}}},
		{"a name with its apposition before a cue",
			"Ivanka Trump, the nominee's eldest daughter, noted the rule in the interview last week.",
			[]want{{"Ivanka Trump", "Ivanka Trump, the nominee's eldest daughter,", "noted", "the rule in the interview last week", false}}},
		{"a year after in is no source",
			"Mexico kept its cool, though an arbitration panel in 2001 found the United States was in breach of the agreement.",
			[]want{{"", "an arbitration panel", "found", "the United States was in breach of the agreement", false}}},
		{"headline shout",
			"WOW: Senator Jane Roe just did something big.",
			nil},
		{"yes-no question",
			"Do you support Jane Roe?",
			nil},
		{"curly apostrophe name",
			"“Tomorrow, our teams will visit the border,” General Mohammad Bagheri’s deputy said.",
			[]want{{"", "General Mohammad Bagheri’s deputy", "said", "“Tomorrow, our teams will visit the border,”", true}}},
		{"a that-clause ends where another speaker's clause begins",
			"The island has been warning that it is running out of cash, and Treasury Secretary Jane Roe said the measures were unsustainable.",
			[]want{{"Jane Roe", "Treasury Secretary Jane Roe", "said", "the measures were unsustainable", false}}},
		{"a weak cue before a quotation yields to said after it",
			"Freddy, as he was known, “was caught sort of in the middle,” Donald Trump said.",
			[]want{{"Donald Trump", "Donald Trump", "said", "“was caught sort of in the middle,”", true}}},
		{"a relative that is no source",
			"The debate came a day after a report that concluded most voters were angry.",
			[]want{{"", "", "concluded", "most voters were angry", false}}},
		{"a share of a group after a verb of showing",
			"A CNN poll in January shows 68% of Democratic voters say gun policy will be very important.",
			[]want{{"", "68% of Democratic voters", "say", "gun policy will be very important", false}}},
		{"a participle after a closing quotation mark ends the content",
			"Cruz said that there is “only one conservative who can win,” adding that it is why Trump attacks him.",
			[]want{{"Cruz", "Cruz", "said", "that there is “only one conservative who can win,”", false},
				{"Cruz", "Cruz", "adding", "that it is why Trump attacks him", false}}},
		{"a second share of the group starts its own clause",
			"Seventy percent of Democrats say they like Clinton, compared with 64 percent who say the same of Sanders, while only 49 percent of Republicans say so of Trump.",
			[]want{{"", "Seventy percent of Democrats", "say", "they like Clinton", false},
				{"", "who", "say", "the same of Sanders", false},
				{"", "49 percent of Republicans", "say", "so of Trump", false}}},
		{"a demonstrative opens the source",
			"Cruz will rethink his approach, a source close to him said. That person said the hostility hurt him.",
			[]want{{"", "That person", "said", "the hostility hurt him", false}}},
		{"a teller's addressee is not what was said",
			"The plan will add a special force, Defense Secretary Jane Roe told a Senate panel.",
			[]want{{"Jane Roe", "Defense Secretary Jane Roe", "told", "The plan will add a special force", false}}},
		{"coordinated modifiers of a source",
			"The inquiry looks at whether they knew it, current and former officials said.",
			[]want{{"", "current and former officials", "said", "The inquiry looks at whether they knew it", false}}},
		{"a subject with a possessive in its phrase",
			"People with direct knowledge of Gates' work said that they worked hard.",
			[]want{{"", "People with direct knowledge of Gates' work", "said", "that they worked hard", false}}},
		{"a name after a preposition in the source is not the speaker",
			"Hillary Clinton spoke. The question is whether voters trust her, people close to Clinton say.",
			[]want{{"", "people close to Clinton", "say", "The question is whether voters trust her", false}}},
		{"a plural with its qualifier opens the clause",
			"Indeed, proponents of more controls on hate speech here say there is a direct correlation.",
			[]want{{"", "proponents of more controls on hate speech here", "say", "there is a direct correlation", false}}},
		{"a share after a comma and a conjunction",
			"By 2-1, Millennials see police violence as a problem, and three-fourths say the police should wear cameras.",
			[]want{{"", "three-fourths", "say", "the police should wear cameras", false}}},
		{"an opening adverbial is not said",
			"In contrast, Jane Roe said, there seem to be more Republicans who think so.",
			[]want{{"Jane Roe", "Jane Roe", "said", "there seem to be more Republicans who think so", false}}},
		{"words running into a quotation are said with it",
			`Nothing the president said "will assuage people's fears," Senator Jane Roe said.`,
			[]want{{"Jane Roe", "Senator Jane Roe", "said", `Nothing the president said "will assuage people's fears,"`, false}}},
		{"evidence closing its sentence shows",
			"The aircraft was insured at a value of $35 million in 2011, records show, and experts say it is worth less.",
			[]want{{"", "records", "show", "The aircraft was insured at a value of $35 million in 2011", false},
				{"", "experts", "say", "it is worth less", false}}},
		{"a showing verb takes its clause's subject",
			"Exit polling shows he won 83% of voters under 30.",
			[]want{{"", "Exit polling", "shows", "he won 83% of voters under 30", false}}},
		{"a noun show is no cue",
			"Trump starred in the reality TV show.",
			nil},
		{"pointed to",
			"Senator Jane Roe pointed to the latest jobs report.",
			[]want{{"Jane Roe", "Senator Jane Roe", "pointed to", "the latest jobs report", false}}},
		{"the subject before a relative clause that ends at the cue",
			"Glenn Beck, who has in the past described Trump as “a pathological narcissist,” said he would vote.",
			[]want{{"Glenn Beck", "who", "described", "Trump as “a pathological narcissist,”", false},
				{"Glenn Beck", "Glenn Beck", "said", "he would vote", false}}},
		{"an addressee after a participle is not the speaker",
			"Donald Trump has hailed the vote as “fantastic,” telling reporters in Scotland that it was great.",
			[]want{{"Donald Trump", "Donald Trump", "hailed", "the vote as “fantastic,”", false}}},
		{"a verb after a whole noun phrase ends it",
			"Hillary Clinton’s right-hand woman rallied supporters, saying: “We have work to do.”",
			[]want{{"", "Hillary Clinton’s right-hand woman", "saying", "“We have work to do.”", true}}},
		{"a dateline is not the subject",
			"LOS ANGELES (AP) — Hillary Clinton dove deeper into Donald Trump’s record Tuesday, launching a new round of attacks.",
			[]want{{"Hillary Clinton", "Hillary Clinton", "launching", "a new round of attacks", false}}},
		{"a weekday after a verb ends the subject",
			"WASHINGTON — The senator spoke Tuesday, saying he was fine.",
			[]want{{"", "The senator", "saying", "he was fine", false}}},
		{"a possessive noun cue is owned by the clause's subject",
			"Senator Ted Cruz reboots his attacks on Donald Trump.",
			[]want{{"Ted Cruz", "Senator Ted Cruz", "attacks on", "Donald Trump", false}}},
		{"a content ends where a coordinated clause with a model-found cue begins",
			"Democrats want policies that create more revenue, and Republicans want policies that create less.",
			[]want{{"", "Democrats", "want", "policies that create more revenue", false}, {"", "Republicans", "want", "policies that create less", false}}},
		{"a content ends before a coordinated progressive with its auxiliary",
			"Donald Trump has vowed to bring back mining jobs, and Hillary Clinton is promising to help mining towns.",
			[]want{{"Donald Trump", "Donald Trump", "vowed", "to bring back mining jobs", false}, {"Hillary Clinton", "Hillary Clinton", "promising", "to help mining towns", false}}},
		{"a subject with a prepositional phrase after a quotation",
			"“Why didn’t Donald Trump pay his taxes?” a narrator in the Clinton ad asks.",
			[]want{{"", "a narrator in the Clinton ad", "asks", "“Why didn’t Donald Trump pay his taxes?”", true}}},
		{"a quantifier as the subject of a verb of saying",
			"But some note that the plan has changed. To varying degrees, all agreed that taxes would rise.",
			[]want{{"", "some", "note", "that the plan has changed", false}, {"", "all", "agreed", "that taxes would rise", false}}},
		{"an inverted source with lowercase modifiers before the name",
			"“They are wrong,” said local resident Jane Doe.",
			[]want{{"Jane Doe", "local resident Jane Doe", "said", "“They are wrong,”", true}}},
		{"a plural and its qualifier after a comma, ending in a noun in -ly",
			"Scott's relatives, who asked to see the video, watched it on Thursday, attorneys for the family said.",
			[]want{{"", "attorneys for the family", "said", "Scott's relatives, who asked to see the video, watched it on Thursday", false}}},
		{"a poll closing a sentence that counts points",
			"Clinton is ahead by 4 points in the latest CNN poll, up from March.",
			[]want{{"", "the latest CNN poll", "in", "Clinton is ahead by 4 points", false}}},
		{"a comparison with other polls is no source, and a poll that shows is",
			"The Reuters poll showed Clinton doing better than in other post-debate polls.",
			[]want{{"", "The Reuters poll", "showed", "Clinton doing better than in other post-debate polls", false}}},
		{"a short clause after the cue is what was said, not an adverbial",
			"While he acknowledged funding was a major reason, Ham also noted several intangibles left him disillusioned.",
			[]want{{"", "he", "acknowledged", "funding was a major reason", false}, {"Ham", "Ham", "noted", "several intangibles left him disillusioned", false}}},
		{"a coordinated subject is a group without one speaker",
			"Hillary Clinton and her Democratic allies say the plan will fail.",
			[]want{{"", "Hillary Clinton and her Democratic allies", "say", "the plan will fail", false}}},
		{"a passive with its agent",
			"The plan was criticized by Senator Jane Roe.",
			[]want{{"Jane Roe", "Senator Jane Roe", "was criticized", "The plan", false}}},
		{"a passive whose agent is plain words, after an adverb set off by commas",
			"Donald Trump, meanwhile, is supported by far fewer publications.",
			[]want{{"", "far fewer publications", "is supported", "Donald Trump", false}}},
		{"a common noun after a name heads the source before the cue",
			"“We need change,” the New York businessman said, arguing that he will bring a new approach to the job.",
			[]want{{"", "the New York businessman", "said", "“We need change,”", true}, {"", "the New York businessman", "arguing", "that he will bring a new approach to the job", false}}},
		{"a second cue after a quotation inside the first content",
			"Trump tweeted that Machado was “disgusting” and encouraged Americans to watch her tape.",
			[]want{{"Trump", "Trump", "tweeted", "that Machado was “disgusting”", false}, {"Trump", "Trump", "encouraged", "Americans to watch her tape", false}}},
		{"a passive of no cue has no source",
			"The victim was shot by police on Monday.",
			nil},
		{"a negated auxiliary before the cue",
			"Mayor Tom Lee doesn’t think the plan will work.",
			[]want{{"Tom Lee", "Mayor Tom Lee", "think", "the plan will work", false}}},
		{"a pronoun with a contracted auxiliary is a subject, not an owner",
			"Senator Jane Roe is popular. She’s claiming that the vote was rigged.",
			[]want{{"Jane Roe", "She’s", "claiming", "that the vote was rigged", false}}},
		{"an irregular passive has no source",
			"North Korea is not thought to be capable of delivering warheads.",
			[]want{{"", "", "is not thought", "North Korea", false}}},
		{"an irregular passive with its agent",
			"The story was first told by Senator Jane Roe.",
			[]want{{"Jane Roe", "Senator Jane Roe", "was first told", "The story", false}}},
		{"a participle after a preposition opening the sentence takes the main clause's subject",
			"After saying he was nervous to ask a question, Mayor Tom Lee ended up in the middle of the room.",
			[]want{{"Tom Lee", "Mayor Tom Lee", "saying", "he was nervous to ask a question", false}}},
		{"an adverb between the subject and the cue",
			"Over the past few days, Senator Jane Roe increasingly signaled that she was coming around to the plan.",
			[]want{{"Jane Roe", "Senator Jane Roe", "signaled", "that she was coming around to the plan", false}}},
		{"asides set off by commas between the name and the cue",
			"Mayor Tom Lee, during a town hall meeting in Columbus, Ohio, said taxes would fall.",
			[]want{{"Tom Lee", "Mayor Tom Lee", "said", "taxes would fall", false}}},
		{"a reaction drawn from others has them as its source",
			"Ted Cruz received the endorsement of Gov. Mike Pence on Friday.",
			[]want{{"Mike Pence", "Gov. Mike Pence", "received the endorsement of", "Ted Cruz", false}}},
		{"the author of a document cited is part of the source",
			"Turnout rose sharply this year, according to an analysis by the Pew Research Center.",
			[]want{{"", "an analysis by the Pew Research Center", "according to", "Turnout rose sharply this year", false}}},
		{"a participle qualifying a noun has no source",
			"Mayor Tom Lee campaigned in Wisconsin, a state seen as critical for the movement.",
			[]want{{"", "", "seen", "as critical for the movement", false}}},
		{"one of a group as the source",
			"The voters were split. One says China has the most, while another says the United States has twice as many. Two in three said they were worried.",
			[]want{
				{"", "One", "says", "China has the most", false},
				{"", "another", "says", "the United States has twice as many", false},
				{"", "Two in three", "said", "they were worried", false},
			}},
		{"a participle after a relative clause takes the main clause's subject",
			"Mayor Jane Roe met a builder who said he was never paid, saying, “He did bad work.”",
			[]want{
				{"", "who", "said", "he was never paid", false},
				{"Jane Roe", "Mayor Jane Roe", "saying", "“He did bad work.”", true},
			}},
		{"a participle takes a referring it as its subject",
			"Meanwhile, it attacked Trump, saying he was unfit for office.",
			[]want{{"", "it", "saying", "he was unfit for office", false}}},
		{"a participle takes the subject of the nearest clause joined by and",
			"At this point, the camera is facing the ground, and she becomes upset, shouting profanities at the officers.",
			[]want{{"", "she", "shouting", "profanities at the officers", false}}},
		{"an opening participle whose clause ends in a quotation",
			"After saying her right foot was “so swollen I could barely walk,” Jane Roe went to the hospital.",
			[]want{{"Jane Roe", "Jane Roe", "saying", "her right foot was “so swollen I could barely walk,”", false}}},
		{"a name after a date written with a slash",
			"“They are wrong,” said 9/11 widow Terry Strada.",
			[]want{{"Terry Strada", "9/11 widow Terry Strada", "said", "“They are wrong,”", true}}},
		{"a number closing the source is no determiner of the cue",
			`When pressed, the mother of three replied, "It is meant to help everyone."`,
			[]want{{"", "the mother of three", "replied", `"It is meant to help everyone."`, true}}},
		{"a time and a clause of circumstance after the cue are no content",
			"The move is an insult, top black lawmakers said Friday afternoon, as they left the hall.",
			[]want{{"", "top black lawmakers", "said", "The move is an insult", false}}},
		{"a name alone is what a cue is about",
			"Flight attendants' union endorses Clinton.",
			[]want{{"", "Flight attendants' union", "endorses", "Clinton", false}}},
		{"the head before a verb of showing may be a cue word",
			"Donations hit $1.1 billion, a USA TODAY analysis of campaign-finance reports shows.",
			[]want{{"", "a USA TODAY analysis of campaign-finance reports", "shows", "Donations hit $1.1 billion", false}}},
		{"a verb joined to a relative clause is no second cue",
			"Maria Lopez explained how vital it is to change this story by starting a new debate that honors working families and demands fairness and respect.",
			[]want{{"Maria Lopez", "Maria Lopez", "explained", "how vital it is to change this story by starting a new debate that honors working families and demands fairness and respect", false}}},
		{"idioms of saying report nothing",
			"That said, the bill will pass. Having said that, the vote is close. Needless to say, the mayor was pleased.",
			nil},
		{"a standing in the polls is no attribution",
			"Since the debate, the senator has risen steadily in the polls.",
			nil},
		{"a participle opening the text has no subject",
			"denied publicly by the campaign.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(tt.text)
			got := Find(d)
			for _, w := range tt.want {
				ok := false
				for _, q := range got {
					if q.Content.In(d.Text) == w.content {
						ok = true
						if q.Speaker != w.speaker || q.Source.In(d.Text) != w.source || q.Cue.In(d.Text) != w.cue || q.Direct != w.direct {
							t.Errorf("%q: got speaker %q source %q cue %q direct %v, want %q %q %q %v",
								w.content, q.Speaker, q.Source.In(d.Text), q.Cue.In(d.Text), q.Direct, w.speaker, w.source, w.cue, w.direct)
						}
					}
				}
				if !ok {
					t.Errorf("content %q not found in %s", w.content, dump(d, got))
				}
			}
			if tt.want == nil {
				if len(got) > 0 {
					t.Errorf("want no attribution, got %s", dump(d, got))
				}
			}
			for _, q := range got {
				if pronouns.set().has(strings.ToLower(q.Speaker)) || strings.EqualFold(q.Speaker, "he") {
					t.Errorf("pronoun speaker %q", q.Speaker)
				}
			}
		})
	}
}

func TestVia(t *testing.T) {
	d := doc(`Lieutenant-General Othman al-Ghanemi arrived. "We believe in unity," al-Ghanemi said, according to Tasnim news agency. For his part, Bagheri said that "borders are fixed," according to semi-official Fars news agency.`)
	var vias, spans []string
	for _, q := range Find(d) {
		vias = append(vias, q.Via)
		spans = append(spans, q.ViaCue.In(d.Text)+" "+q.ViaSource.In(d.Text))
	}
	if strings.Join(vias, ",") != "Tasnim,Fars" {
		t.Errorf("vias %q, want Tasnim, Fars", vias)
	}
	// The relay's spans, as written.
	if got, want := strings.Join(spans, "|"), "according to Tasnim news agency|according to semi-official Fars news agency"; got != want {
		t.Errorf("relays %q, want %q", got, want)
	}
}

func TestViaAfterReportedSpeech(t *testing.T) {
	d := doc("Police have said they have no plans to release the recordings, according to attorneys for the family.")
	qs := Find(d)
	if len(qs) != 1 {
		t.Fatalf("got %s, want one quote", dump(d, qs))
	}
	q := qs[0]
	if got := q.Source.In(d.Text) + "|" + q.ViaCue.In(d.Text) + "|" + q.ViaSource.In(d.Text); got != "Police|according to|attorneys for the family" {
		t.Errorf("source|via cue|via source = %q", got)
	}
}

// dump prints quotes for a failure message and the golden files.
func dump(d *news.Doc, qs []news.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		fmt.Fprintf(&b, "speaker=%q source=%q cue=%q direct=%v via=%q\n  content=%q\n",
			q.Speaker, q.Source.In(d.Text), q.Cue.In(d.Text), q.Direct, q.Via, q.Content.In(d.Text))
	}
	return b.String()
}

// TestGolden runs the finder over testdata/*.input and compares with
// testdata/*.golden; go test -update rewrites them.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*.input"))
	if len(inputs) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		d := doc(string(b))
		got := dump(d, Find(d))
		testutil.Golden(t, strings.TrimSuffix(in, ".input")+".golden", []byte(got))
	}
}

// FuzzFind checks that the finder never panics and that every span it
// returns lies in the text.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`"We are pleased," he said.`,
		"“Unclosed quote, he said\n\n“More",
		`According to X, y. "a" "b" "c," said`,
		"'' quoted '' said Mr. X.\n\n``Hi,'' she said",
		"The Iraqi official, for his part, said that, adding",
		"„Zitat“ «citation» ” stray",
		"said said said , , \"",
		"WALLACE: Do you see those two as equivalent?\n\nPENCE: Well, I think she is wrong.",
		"Q: What did you find?\n\nA:",
		"“He scares me.” ― Edwin G. Monroy “We can build a wall.” — Steve Quinlan.",
		"“We will win” —",
		"A curfew was announced.\n\nIt was endorsed by",
		"Experts on North Korea said the test could change that, but he said that it would not.",
		"Half of it is wrong — according to",
		"denied publicly by the campaign.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := doc(s)
		for _, q := range Find(d) {
			for _, sp := range []news.Span{q.Content, q.Cue, q.Source} {
				if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
					t.Fatalf("span %v outside text of %d bytes", sp, len(s))
				}
			}
			if q.Content.IsZero() {
				t.Fatalf("empty content in %q", s)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	var text strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&text, "Chief of Staff Major General Mohammad Baqeri received his Iraqi counterpart Major General Othman al-Ghanmi on Wednesday.\n\n")
		fmt.Fprintf(&text, "“We are so pleased that the army has made great gains,” he said. The Iraqi official, for his part, said that Iraq was targeted, adding that most land had been liberated.\n\n")
	}
	d := doc(text.String())
	b.SetBytes(int64(text.Len()))
	for b.Loop() {
		Find(d)
	}
}

func TestListed(t *testing.T) {
	for cue, want := range map[string]bool{
		"said": true, "told": true, "According to": true, "voiced concern": true, "pointed out": true,
		"believes": true, ":": true, "signed": false, "discussed": false, "": false,
	} {
		if got := Listed(cue); got != want {
			t.Errorf("Listed(%q) = %v, want %v", cue, got, want)
		}
	}
}
