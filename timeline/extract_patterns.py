"""The patterns of the rules engine (timeline/extract.py): the words around a cue that decide what it means.

Each is one rule a person can read and test on its own; the comment beside it is the case it was written for.
"""

from __future__ import annotations

import datetime as dt
import re

SAYING_REACH = 50    # characters between a saying verb and the date that dates it
SUPPLY_TYPES = ("supply", "receive", "nominal", "deploy", "deploy_troops", "agree", "negotiate", "help", "use", "rely")
USED_AS_EVIDENCE = ("missiles", "ammunition", "components")   # drones of Iranian design are also built in Russia ...
DRONES_BUILT_IN_RUSSIA = dt.date(2023, 7, 1)     # ... since Alabuga's plant began output in 2023: before, a drone used came from Iran
CLAUSE_BREAK = re.compile(r";|\s+(?:while(?!\s+\w+ing\b)|whereas|although|though)\s+|,\s*(?:but|and|yet|as(?!\s+well))\s+|(?<!nothing)(?<!anything)\s+but\s+(?!also\b)"
                          r"|,\s+after\s+(?=(?-i:the\s+[A-Z]|[A-Z][a-z]+\s+(?!\d)))"
                          r"|,\s+with\s+(?=(?:[\w'’.-]+\s+){1,4}(?:warning|saying|adding|noting|claiming|estimating|expecting)\b)"
                          r"|\s+as\s+(?=(?:Russia|Moscow|the Kremlin|Kyiv|Ukraine|the war|fighting)\b)", re.I)
NOUN_BEFORE = re.compile(r"\b(?:a|an|the|cargo|container|naval|war|its|their|these|those|several|many|some|two|three|"
                         r"merchant|Russian|Iranian|Chinese|Korean|supply|tanker)\s+$", re.I)
FOR_RUSSIA = re.compile(r"[^,;.]{0,80}?\b(?:for(?:\s+use\s+by)?|used\s+by)\s+(?:the\s+)?(?:Russia|Russian|Moscow|Kremlin)",
                        re.I)   # "manufactures drones for Russia", "production of attack drones used by Russia"
SANCTIONS = re.compile(r"\b(?:sanction(?:s|ed|ing)?|blacklist(?:s|ed|ing)?|designat(?:ed|es|ing|ions?))\b", re.I)
RUSSIA_NAMED = re.compile(r"\b(?:Russia|Russian|Moscow|Kremlin)\b")   # a sanction on a maker supplying Russia's war
ATTRIBUTIVE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:treaty|pact|summit|agreement|deal|accord|talks|meeting|visit|"
                         r"invasion|election|war|offensive|incursion|attack)\b", re.I)
BE = re.compile(r"\b(?:is|are|was|were|be|been|being|has been|have been|had been)\s+(?:\w+ly\s+)?$", re.I)
COORDINATION = re.compile(r"(?:\s*(?:,|and|or|as well as|along with|plus|including|such as|but also|&)\s*)+", re.I)
DATELINE = re.compile(r"\s*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[^()\n]{0,40}?)?(?:\s*\([^)]{1,40}\))?\s*[-–—]+\s+")
AGENCY_DATELINE = re.compile(r"\s*(?:[A-Z][\w.'’ -]{1,40}[,.]\s*[^()\n,]{1,30}?\s*\([A-Z][^)]{1,30}\)\s*[-–—:.]*"
                             r"|(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?\s*\([A-Z][^)]{1,30}\)\s*[-–—]+)"
                             r"\s+")   # "BEIJING. Dec 5 (Interfax) -", "Oct 18 (Reuters) -"
DATED_PLACE = re.compile(r"\s*[A-Z][\w.'’ -]{1,30}(?:\s*\[[^\]]{1,30}\])?,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
                         r"(?:,?\s+\d{4})?\s*:\s+")   # "Seoul [South Korea], November 13: ..."
MADE_IN = re.compile(r"\b(?:manufactured|produced|made|built|designed|developed|dating|dated|introduced)\s+"
                     r"(?:back\s+)?(?:in|from|during|since|to)?\s*(?:the\s+)?$", re.I)   # when the item was made
INCLUDING = re.compile(r"\s*,?\s*(?:which|that)\s+(?:will\s+|would\s+|could\s+|should\s+)?(?:include[sd]?|comprise[sd]?|"
                       r"consist(?:s|ed)? of|contain(?:s|ed)?)\s+(?:\w+\s+)?", re.I)   # "weapons, which include missiles"
BETWEEN = re.compile(r"\bbetween\s+(?:Russia|Moscow|the Kremlin)\s+and\s+(?:the\s+)?$", re.I)
OTHER_EVENT = re.compile(r"\b(?:invasion|war(?!\s+effort)|offensive|incursion|attack|election|summit)\b[^,.;]{0,40}?"
                         r"(?<!starting)(?<!beginning)(?:\s(?:in|on))?\s+$", re.I)   # "the invasion of Ukraine in February 2022" dates the invasion
ANAPHOR = re.compile(
    r"\W*(?:It|The country|The regime|(?:The|These|Those|(?:Two|Three|Four|Five|Some|Several|Many|Most|All) of the)"
    r" (?:companies|firms|suppliers|entities))\b"
    r"(?=(?:\s+(?!whether|if|that|unclear|not|never|denied|denies)[\w-]+){0,4}?\s+(?:sent|supplied|shipped|delivered|"
    r"provided|sends|supplies|ships|sending|supplying|shipping|delivering|providing|transferred|sold|exporting|"
    r"exported|selling)\b)")
WE_BEFORE = re.compile(r"\bwe(?:\s+(?:have|had|also|still|now|already|will|would|do|did|are|were|never|not|don.t|didn.t))*\s+$", re.I)
OTHER_PREDICATE = re.compile(r"\b(?:had|has|have|was|were|is|are)\s+(?:not\s+|never\s+)?(?:been\s+)?\w+(?:ed|en|ing)\b",
                             re.I)   # "troops stationed there had not been involved in combat since January"
BUY_FROM_RUSSIA = re.compile(r"\s+(?:to|(?:under|by)\s+which\s+(?:[\w-]+\s+){1,3}?(?:will|would|is\s+to|shall)|whereby\s+(?:[\w-]+\s+){1,3}?"
                             r"(?:will|would|is\s+to|shall))\s+(?:buy|purchase|acquire|import|obtain|receive|get)\b[^.;]{0,60}?\bfrom\s+"
                             r"(?:Russia|Moscow)\b", re.I)   # "a deal to buy the planes from Russia": the supply runs the other way
LATER_CLAUSE = re.compile(r"\b(?:after|before|until|once)\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}?(?:was|were|had been)\s+"
                          r"\w+(?:ed|en|uck|ung|ook)\b", re.I)   # "... after the initial agreement was struck earlier this month"
PARTICIPLE_CLAUSE = re.compile(r",\s*(?:first\s+)?(?!including)[a-z]+(?:ed|en)\s+(?:by|in|on|at|during)\b")   # ", signed by Putin in June"
NOUN_PREDICATE = re.compile(r"\b(?:was|were)\s+(?:first\s+)?(?:recorded|detected|observed|registered|spotted|seen|noticed|"
                            r"made|completed|carried out)\b|\b(?:left|departed|arrived|reached|docked|sailed|landed)\b",
                            re.I)   # "the last shipment ... left Iran in early March"
EMBEDDED_POST = re.compile(r"(?:^|\s)\W*(?:pic\.twitter\.com/\S+\s*)?[—–-]+\s*(?P<by>[^()\n]{1,60}?)\s*\(@\w+\)\s*"
                           r"(?=\w)")   # the signature of an embedded post: "— OSINT (@osint) October 18, 2024"
SUBORDINATE = re.compile(r"\b(?:following|after|before|ahead of|prior to)\s+(?:the\s+|a\s+)?$", re.I)
OPENING_EVENT = re.compile(r"\W*(?:Following|After|Before|Ahead of|Prior to|In the wake of)\s+(?:the|a|an|his|her|its|"
                           r"their|this|that|[A-Z]\w+['’]s)\s+[^,]*?$")   # "Following the pact signed in June 2024, ..."
CONTENTS_VERB = re.compile(r"[^.;,]{0,60}?\b(?:(?:will|would)\s+)?(?:includes?|included|consists?\s+of|consisted\s+of|"
                           r"comprise[sd]?)\s+(?:[\w-]+\s+){0,3}?", re.I)   # "deliveries of weapons would include missiles"
NO_COMMENT = re.compile(r"\b(?:not|never|no|n['’]t|declined\s+to|refused\s+to)\s+(?:yet\s+|immediately\s+|publicly\s+|"
                        r"officially\s+)?(?:comment(?:ed)?|respond(?:ed)?|repl(?:y|ied)|react(?:ed)?|confirm(?:ed)?)\b"
                        r"[^.;]{0,40}$", re.I)   # "Tehran has not commented on the transfer of missiles": no denial
FOR_ITEM = re.compile(r"\b(?:for|(?:used|installed|found|fitted|mounted)\s+(?:in|on|to))\s+(?:its|their|the|his|her|these|those)?\s*"
                      r"(?:Russian\s+|Russia['’]s\s+)?$", re.I)   # "the engines for its drones", "electronics used in Russian drones"
CARRIER_WORDS = r"containers?|wagons?|railcars?|trainloads?|crates?|boxes"
CARRIER = re.compile(CARRIER_WORDS, re.I)
NO_EVIDENCE = re.compile(r"\bno\s+(?:\w+\s+)?(?:evidence|indications?|signs?|proof)[\"”]?\s+(?:of|that)\s+(?:the\s+|any\s+)?"
                         r"(?:[\w-]+\s+){0,4}$", re.I)   # "has seen no evidence that China supplied weapons"
SUCH_BEFORE = re.compile(r"\b(such|these|those)\s+$", re.I)
CARRIED = re.compile(rf"\b({CARRIER_WORDS})\s+of\s+[^.;:]*?$", re.I)   # "1,000 containers of shells and ..."
AT_HOME = re.compile(r"[^.;]{0,30}?\b(?:on|along|at|near)\s+(?:the|its|their|our)\s+(?:own\s+)?(?:border|frontier)", re.I)
AGAINST = re.compile(r"\bagainst\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)   # "the fight against the hegemonic forces"
TALKS_ABOUT = re.compile(r"\s+(?:(?:for|on|about|over|of)\s+)?(?:the\s+|possible\s+|potential\s+|further\s+|new\s+)*"
                         r"(?:[\w-]+\s+)?", re.I)   # "negotiations for weapons", "discussed arms supplies"
OWN_FORCES = re.compile(r"\s+(?:its|their|his)\s+(?:own\s+)?(?:military|army|armed forces|forces|troops|units|"
                        r"frontline units|artillery units)\b", re.I)
TO_OWN_FORCES = re.compile(r"(?:(?!Russia|Moscow|the Kremlin)[^.;,]){0,40}?\bto\s+(?:its|their|his)\s+(?:own\s+)?(?:military|army|armed forces|forces|troops|"
                           r"(?:frontline |artillery )?units)\b", re.I)   # "deploy a new rocket launcher to its military"
SENDING = re.compile(r"send(?:s|ing)?|sent|dispatch(?:es|ed|ing)?", re.I)   # "sent its troops": to Russia, not its own
ADMITTED = re.compile(r"\b(?:acknowledg|admit|confirm|conced)\w*\s+(?:having\s+)?$", re.I)   # "admitted sending drones"
QUOTES = "\"“”‘’'"
LAUNCHERS = re.compile(r"(?:(?:mobile|missile|mounted|their|its)\s+)?launch(?:ers?|ing systems?|vehicles?)", re.I)
ORDERED = re.compile(r"order(?:s|ed|ing)?", re.I)
INTO_RUSSIA = re.compile(r"\s+(?:in|at|to|into)\s+(?:the\s+)?(?:(?:eastern|western|southern|northern|far-eastern)\s+)?"
                         r"(?:Russia|Russian|Moscow|Kursk|Vladivostok|Rostov|Belgorod)\b", re.I)   # "drones arrived in Russia"
WRECKAGE = re.compile(r"debris|fragments?|wreckage|remnants|remains", re.I)
PURPOSE = re.compile(r"\b(?:meant|intended|designed|destined|made|built|produced|available|up)\s+for\s+(?:the\s+)?$", re.I)
CONDITION = re.compile(r"\b(?:if|unless|whether|in case|should it)\b", re.I)
ANY_BEFORE = re.compile(r"\bany\s+(?:such\s+|further\s+|future\s+|new\s+)?(?:[\w-]+\s+){0,2}$", re.I)
SPECULATION = re.compile(r"\b(?:could|might)\s+(?!have\b|not\b)(?:[\w-]+\s+){0,2}?(?:to\s+)?$", re.I)   # "could continue to"
NORM = re.compile(r"\b(?:cease|stop|halt|end|prohibit(?:s|ed|ing)?|bans?|banning|banned|forbid(?:s|ding)?|outlaws?|bars?|barring|rights? to|"
                  r"requires?|requiring|obliges?|obliging|obligates?|commits?|committing)\b"
                  r"(?:\s+[\w-]+){0,3}\s+$", re.I)
CONTRACT_FOR = re.compile(r"\b(?:agreements?|deals?|contracts?|memorand(?:um|a)|accords?|treat(?:y|ies))\s+"
                          r"(?:for|on|to|covering)\s+(?:the\s+)?$", re.I)
REACHED_RUSSIA = re.compile(r"\s+(?:the\s+)?(?:Russia|Russian|Moscow)\b", re.I)   # "drones are reaching Russia"
HELP_WITH = re.compile(r"\s+(?:Russia|Moscow|the Kremlin)\s+with\b", re.I)   # "Iran is helping Russia with drones"
RELY_FOR = re.compile(r"\s+(?:the\s+)?[\w\s'’-]{2,40}?\s+for\b", re.I)      # "relies on North Korea for shells"
SUBJECT_MODAL = re.compile(r"\s+(?:can|could|would|will|may|might|should|must)\s+(?:also\s+|still\s+)?", re.I)
MAKER_AFTER = re.compile(r"\s+(?:(?:(?:that|which)\s+)?(?:[^,;]{0,80}?\s+)?(?:is|are|was|were)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?)?"
                         r"(?:of|from|(?:made|produced|manufactured|built|developed|designed)\s+(?:in|by))"
                         r"\s+(?:the\s+)?", re.I)   # "missiles of North Korean origin", "the missile that hit Kyiv was made in",
                                                   # "electronics used in drones are of Chinese origin", "is a missile developed by"
SUPPLIED_BY_ADJECTIVE = re.compile(r"(?<=[A-Za-z])-(supplied|provided|delivered|donated|transferred|smuggled)\b",
                                   re.I)   # "an Iranian-supplied drone": the adjective names the supplier
GAPPED_CONJUNCT = re.compile(r",?\s+and\s+(?:(?:about|around|some|another|an(?:other)? additional|over|more than|nearly|almost)\s+)?"
                             r"[\d,.]+\s*(?:million\s+|thousand\s+)?(?:more\s+|additional\s+|other\s+)?", re.I)   # ", and 4,000 more "
AGREED_TO_DO = re.compile(r"\s+to\s+(?!sign|ink|seal|conclude|form|create|establish|forge|strike|a\b|an\b|the\b)[a-z]+",
                          re.I)   # "agreed to intensify efforts", not "agreed to sign a pact"
HEADLINE_INFINITIVE = re.compile(r"(?:^|:\s+)\W*(?:[A-Z][\w.'’-]*\s+){1,3}to\s+$")   # "North Korea to send ..."
OF_RUSSIAN_FORCES = re.compile(r"(?:(?!\b(?:to|for|from|by|who|which|that|as|in|with)\b)[\w\s,-]){0,60}?\bof\s+(?:the\s+)?(?:Armed\s+Forces\s+of\s+"
                               r"(?:Russia|the\s+Russian\s+Federation)|Russian\s+(?:Armed\s+Forces|army|military))\b", re.I)
NOT_MORE_THAN = re.compile(r"\s+(?:any\s+)?(?:more|less|fewer)\b[^.;,]{0,40}?\bthan\b", re.I)   # "will not transfer more than": an amount
VERBS_JOINED = re.compile(r",?\s+(?:and|or)\s+(?:(?:will|would|could|may|might|can|has|have|had|is|are|was|were|still|also|"
                          r"continue[sd]?|keeps?|to|be|been)\s+)*", re.I)   # "has transferred and will continue to transfer"
AND_FUTURE = re.compile(r"\band\s+(?:will|would|could|may|might|are\s+expected\s+to)\b", re.I)   # "are in Russia and will be ready by 1 November"
BETWEEN_FIRST = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)   # "transfers between North Korea and Russia"
AND_RUSSIA = re.compile(r"\s+and\s+(?:Russia|Moscow|the Kremlin)\b")
OF_ITEM_TO_RUSSIA = re.compile(r"(?:\s+of)?\s+(?:the\s+)?(?:[\w,-]+\s+){0,2}?")   # "delivery of [the] munitions"
TO_RUSSIA = re.compile(r"\s+to\s+(?:Russia|Moscow|the Kremlin)\b")
EQUIPPED = re.compile(r"equipped|armed|fitted", re.I)   # "a launcher equipped with a new guiding system": a description
BY_MEANS = re.compile(r"\bby\s+$", re.I)   # "helped Russia by exporting"
ITEM_THAT = re.compile(r"\s+(?:that|which)\s+", re.I)   # "the missile that struck Kyiv"
ORIGIN = re.compile(r"\s+(?:origin|make|manufacture|production|design)\b", re.I)
TO_RUSSIA_INCLUDING = re.compile(r"^(?:\s+(?:(?:to|for)\s+(?:Russia|Moscow|the Kremlin)|(?:since|in|during|from|last|this)\s+(?:[A-Z]\w+\s+)?"
                                 r"(?:\d{4}|year|month|summer|autumn|fall|winter|spring)\b)){1,2},?\s+(?:including|such as)\s+(?:either\s+|both\s+)?",
                                 re.I)   # "weapons to Russia, including shells", "goods since September 2023, including"
IN_ADDITION_TO = re.compile(r"\b(?:in addition to|besides|apart from|aside from|on top of)\s+(?:(?:supplying|sending|providing|"
                            r"delivering|shipping|transferring|selling)\s+)?", re.I)   # "In addition to drones, Iran has sent"
IN_CITY = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+,\s+$")   # "met in Tianjin, China"
OBJECT_NEXT = re.compile(r"\s+(?:[\w-]+\s+){0,4}?")   # "received hundreds of drones": the object follows the verb
SENT_TO = re.compile(r"\b(?:sent|sends?|sending|dispatched|deployed|moved|transferred|delivered)\b[^,;.]{0,40}?\b(?:to|into)\s+"
                     r"(?:the\s+)?$", re.I)   # "Russia sent its personnel to Iran for training": Iran receives them
WILL_BE = re.compile(r"\b(?:will|would|shall|is to|are to)\s+(?:soon\s+|also\s+)?be\s+$", re.I)   # "troops would be sent": a plan its maker announces
TAKING_PART = re.compile(r"(?:\bwith\s+(?:the\s+)?)?\b(help|assistance|involvement|participation|training|support)\s+(?:of|from)\s+"
                         r"((?:[\w-]+\s+){0,2})$",
                         re.I)
SHOWN = re.compile(r"\b(?:tour|look|glimpse|demonstration|display|showcase|exhibition)\s+(?:of|at)\s+(?:[\w'’-]+\s+){0,7}$",
                   re.I)   # "gave Shoigu a tour of North Korea's newest weaponry": shown, not supplied
FACTORY_IN_RUSSIA = re.compile(r"\b(?:factory|plant|production line|assembly line|facility)\s+in\s+(?:Russia|Tatarstan|Alabuga|Yelabuga)\b"
                               r"[^.;]{0,40}?\b(?:that|which|to)\s+(?:(?:could|would|will|can|may)\s+)?$", re.I)
FROM_FIGURE_IN = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+|just\s+)?[$€£]?\s*\d[\d,.]*\s*(?:%|percent|million|billion|thousand|tons)?"
                            r"(?:\s+[a-z]+){0,2}\s+in\s+$", re.I)   # "rose from $200 million in [2021]"
TO_FIGURE_IN = re.compile(r"\s+to\s+(?:more than\s+|over\s+|about\s+|around\s+|nearly\s+|almost\s+)?[$€£]?\s*\d[\d,.]*\s*"
                          r"(?:%|percent|million|billion|thousand|tons)?(?:\s+[a-z]+){0,2}\s+in\s+", re.I)
JOINTLY = re.compile(r"\b(?:jointly|together)\s+(?:to\s+)?$", re.I)
RELATIVE_BEFORE = re.compile(r"\b(?:an?|the)\s+([A-Z][\w-]+)\s+(?:[a-z-]+\s+){1,2}(?:that|which|who)\s+(?:[a-z]+ly\s+)?$")   # "an Iranian manufacturer that"
TO_A = re.compile(r"\s+to\s+(?:an?|the)\s+")   # "parts to an [Iranian] manufacturer"
PERFECT_FOR = re.compile(r"\b(?:has|have)\s+been\s+[a-z]+ed\b[^.;]{0,40}?\b(?:due\s+to|over|for|because\s+of)\s+(?:the\s+|its\s+|their\s+)?"
                         r"(?:[a-z]+\s+){0,2}$", re.I)   # "have been imposed, in particular, due to the alleged"
SUCH_SHIPMENT = re.compile(r"\b(?:such|this|that|these|the\s+(?:latest|last|most\s+recent|first|second|next))\s+(?:such\s+)?$", re.I)
HELD = re.compile(r"\s+(?:includ(?:ed|es)|consist(?:ed|s)\s+of|comprised|contained|carried)\s+(?:(?:about|around|some|over|more\s+than|nearly)\s+)?"
                  r"[\d,.]*\s*(?:[a-z-]+\s+){0,2}", re.I)   # "shipment included 1,000 containers"
THE_STRIKE = re.compile(r"\b(?:the|that|this|these|those)\s+(?:(?:missile|drone|air)\s+)?(?:attacks?|strikes?|missile|launch|barrage|"
                        r"assault)\b", re.I)   # "used in the strikes": the strike a sentence before dated
