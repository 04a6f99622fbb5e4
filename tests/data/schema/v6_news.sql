-- A database written by articledb at schema version 6: the example news articles (import of
-- examples/articles/_news). The migration test adds head chunks to it and opens it with the
-- current version.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE roots (
  id   INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE
);
INSERT INTO roots VALUES(1,'/home/user/articledb/examples/articles/_news');
CREATE TABLE providers (
  id       INTEGER PRIMARY KEY,
  domain   TEXT UNIQUE,
  name     TEXT NOT NULL,      -- the name it was first seen with; articles keep their own
  name_key TEXT NOT NULL       -- NFKC case-folded name
, platform TEXT);
INSERT INTO providers VALUES(1,'news.example.com','Example News','example news',NULL);
INSERT INTO providers VALUES(2,'law.example.org','Example Law Review','example law review',NULL);
INSERT INTO providers VALUES(3,'chips.example.net','Chips Weekly','chips weekly',NULL);
INSERT INTO providers VALUES(4,'wirtschaft.example.de','Wirtschaft Beispiel','wirtschaft beispiel',NULL);
INSERT INTO providers VALUES(5,'robots.example.com','Robots Today','robots today',NULL);
INSERT INTO providers VALUES(6,'tech.example.jp','テック例','テック例',NULL);
INSERT INTO providers VALUES(7,'arabic.example.org','مثال عربي','مثال عربي',NULL);
CREATE TABLE topics (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL,          -- the spelling it was first seen with
  key  TEXT NOT NULL UNIQUE,   -- NFKC case-folded name, whitespace collapsed
  slug TEXT NOT NULL
);
INSERT INTO topics VALUES(1,'Open Source','open source','open-source');
INSERT INTO topics VALUES(2,'Large Language Models','large language models','large-language-models');
INSERT INTO topics VALUES(3,'AI','ai','ai');
INSERT INTO topics VALUES(4,'Benchmarks','benchmarks','benchmarks');
INSERT INTO topics VALUES(5,'AI Hardware','ai hardware','ai-hardware');
INSERT INTO topics VALUES(6,'Semiconductors','semiconductors','semiconductors');
INSERT INTO topics VALUES(7,'Künstliche Intelligenz','künstliche intelligenz','kunstliche-intelligenz');
INSERT INTO topics VALUES(8,'Robotics','robotics','robotics');
INSERT INTO topics VALUES(9,'人工知能','人工知能','ren-gong-zhi-neng');
INSERT INTO topics VALUES(10,'Machine Translation','machine translation','machine-translation');
INSERT INTO topics VALUES(11,'Natural Language Processing','natural language processing','natural-language-processing');
CREATE TABLE articles (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  root_id         INTEGER NOT NULL REFERENCES roots(id),
  path            TEXT NOT NULL,                -- relative to the root, '/'-separated
  collection      TEXT,                         -- '_news/x.md' -> 'news'
  file_size       INTEGER NOT NULL,
  file_mtime_ns   INTEGER NOT NULL,
  content_hash    TEXT NOT NULL,                -- XXH3-128 of the file's bytes, hex
  stat_verified   INTEGER NOT NULL DEFAULT 1,   -- 0: read too close to its mtime; re-hashed next time
  imported_at     TEXT NOT NULL,
  category        TEXT,
  title           TEXT NOT NULL,                -- `title`, or `name` for profiles and communities
  excerpt         TEXT,
  published_at    TEXT,                         -- `publishedDateTime` in UTC
  original_url    TEXT,
  web_url         TEXT,
  amp_web_url     TEXT,
  cdn_amp_web_url TEXT,
  canonical_url   TEXT,                         -- of web_url, else original_url
  type            TEXT,
  quality         INTEGER,
  heat            INTEGER,
  published       INTEGER CHECK (published IN (0, 1)),
  removed         INTEGER CHECK (removed IN (0, 1)),
  provider_id     INTEGER REFERENCES providers(id),
  provider_name   TEXT,                         -- as written in this article
  secured         TEXT,
  body            TEXT,                         -- as written, after the front matter
  body_format     TEXT CHECK (body_format IN ('html', 'markdown', 'text')),
  body_text       TEXT,                         -- plain text of the body, for the index
  extra           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
  repaired        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(repaired)), topics_text TEXT, revision INTEGER, layout_id INTEGER REFERENCES layouts(id),
  UNIQUE (root_id, path)
);
INSERT INTO articles VALUES(1,1,'2023-03-14-open-weights-model-released.md',NULL,1834,1795810628537751367,'1c728c4445056b1c1ce992ee2c48c03e',1,'2026-11-28T12:48:52Z','news','Open-weights language model released under Apache 2.0','A research lab published the weights of its 7-billion-parameter model, with training code and an evaluation suite, under a permissive licence.','2023-03-14T16:05:00Z','https://news.example.com/ai/open-weights-model?utm_source=feed','https://news.example.com/ai/open-weights-model','https://news.example.com/amp/ai/open-weights-model',NULL,'https://news.example.com/ai/open-weights-model','article',112,140,1,NULL,1,'Example News','example-signature-1',replace('The release includes **weights**, a tokenizer and a reproducible training recipe.\n\n- 7B parameters, 2T training tokens\n- Evaluation harness included\n','\n',char(10)),'markdown','The release includes weights, a tokenizer and a reproducible training recipe. 7B parameters, 2T training tokens Evaluation harness included','{}','{}','Open Source; Large Language Models; AI',1,1);
INSERT INTO articles VALUES(2,1,'2023-03-20-benchmarks-small-open-models.md',NULL,910,1795810628537877378,'d40387a9a82964f99441f0ed73bed07f',1,'2026-11-28T12:48:52Z','news','Benchmarks for small open models','A comparison of seven open models on reasoning and coding tasks shows the gap to closed models narrowing.','2023-03-20T12:00:00Z',NULL,'https://news.example.com/ai/benchmarks-small-open-models',NULL,NULL,'https://news.example.com/ai/benchmarks-small-open-models','article',98,90,1,NULL,1,'Example News','example-signature-2',replace('| model | reasoning | coding |\n|-------|-----------|--------|\n| A-7B  | 61.2      | 38.0   |\n| B-13B | 66.8      | 41.5   |\n','\n',char(10)),'markdown','model reasoning coding A-7B 61.2 38.0 B-13B 66.8 41.5','{}','{"publishedDateTime":"2023-03-20T13:00:00+01:00","provider.domain":"www.news.example.com"}','Large Language Models; Benchmarks',2,2);
INSERT INTO articles VALUES(3,1,'2023-06-02-gpu-supply.md',NULL,592,1795810628537877378,'8d0b9692dc93e1d81bf1ee1c2c6f10de',1,'2026-11-28T12:48:52Z','news','GPU supply eases as new fabs come online','Lead times for data-centre accelerators fell from 40 weeks to 12, according to distributors.','2023-06-02T07:45:00Z','https://chips.example.net/2023/06/gpu-supply',NULL,NULL,NULL,'https://chips.example.net/2023/06/gpu-supply','article',87,65,1,0,3,'Chips Weekly','example-signature-3',NULL,NULL,NULL,'{}','{}','AI Hardware; Semiconductors',3,3);
INSERT INTO articles VALUES(4,1,'2023-09-10-ki-im-mittelstand.md',NULL,609,1795810628537877378,'97157c2a6a715ba293a67d31d9c78127',1,'2026-11-28T12:48:52Z','news','Künstliche Intelligenz im Mittelstand: Größere Pläne, kleinere Budgets','Eine Umfrage unter 1.200 Unternehmen zeigt: KI-Projekte werden häufiger, aber günstiger.','2023-09-10T08:00:00Z','https://wirtschaft.example.de/ki-mittelstand',NULL,NULL,NULL,'https://wirtschaft.example.de/ki-mittelstand','article',80,55,1,NULL,4,'Wirtschaft Beispiel','example-signature-4',replace('Die Studie befragte Geschäftsführer und IT-Leiter in Deutschland, Österreich und der Schweiz.\n','\n',char(10)),'markdown','Die Studie befragte Geschäftsführer und IT-Leiter in Deutschland, Österreich und der Schweiz.','{}','{"publishedDateTime":"2023-09-10T10:00:00+02:00"}','AI; Künstliche Intelligenz',4,4);
INSERT INTO articles VALUES(5,1,'2024-01-08-robotics-kitchen.md',NULL,788,1795810628537877378,'bf69ec6d33c2aecbf85407c263a12219',1,'2026-11-28T12:48:52Z','news','Kitchen robots learn from 10,000 hours of video','Robots trained on cooking videos can now crack eggs, stir sauces and clean up & tidy the counter.','2024-01-08T18:20:00Z','https://robots.example.com/kitchen',NULL,NULL,NULL,'https://robots.example.com/kitchen','video',101,120,1,NULL,5,'Robots Today','example-signature-5',NULL,NULL,NULL,'{"featuredContent":"<iframe width=\"800\" height=\"450\" src=\"https://video.example.com/embed/kitchen\"></iframe>"}','{"excerpt":"Robots trained on cooking videos can now crack eggs, stir sauces and clean up &amp; tidy the counter."}','Robotics; AI',5,5);
INSERT INTO articles VALUES(6,1,'2024-02-11-jinko-chino-hon-yaku.md',NULL,585,1795810628537877378,'3e9b224b894df99265dbabdd3f6b4f64',1,'2026-11-28T12:48:52Z','news','人工知能による翻訳、精度が大幅に向上','新しい翻訳モデルは、日本語と英語の間で人間に近い品質を達成したと発表された。','2024-02-11T00:00:00Z','https://tech.example.jp/ai/translation',NULL,NULL,NULL,'https://tech.example.jp/ai/translation','article',92,88,1,NULL,6,'テック例','example-signature-6',replace('研究チームは、約五億文の対訳データでモデルを訓練した。\n','\n',char(10)),'markdown','研究チームは、約五億文の対訳データでモデルを訓練した。','{}','{"publishedDateTime":"2024-02-11T09:00:00+09:00"}','人工知能; Machine Translation',6,4);
INSERT INTO articles VALUES(7,1,'2024-03-05-arabic-nlp.md',NULL,559,1795810628537877378,'32aae054a9b97d3b47e8f265d565d96e',1,'2026-11-28T12:48:52Z','news','نموذج جديد لمعالجة اللغة العربية','أطلق باحثون نموذجًا لغويًا مفتوح المصدر مدرَّبًا على نصوص عربية فصحى ولهجات محلية.','2024-03-05T08:30:00Z','https://arabic.example.org/nlp-model',NULL,NULL,NULL,'https://arabic.example.org/nlp-model','article',85,60,1,NULL,7,'مثال عربي','example-signature-7',NULL,NULL,NULL,'{}','{"publishedDateTime":"2024-03-05T11:30:00+03:00"}','Natural Language Processing; Open Source',7,4);
CREATE TABLE article_topics (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position   INTEGER NOT NULL,                 -- 0-based, as listed in the file
  topic_id   INTEGER NOT NULL REFERENCES topics(id),
  label      TEXT,                             -- the article's spelling when it differs from topics.name
  PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
INSERT INTO article_topics VALUES(1,0,1,NULL);
INSERT INTO article_topics VALUES(1,1,2,NULL);
INSERT INTO article_topics VALUES(1,2,3,NULL);
INSERT INTO article_topics VALUES(2,0,2,NULL);
INSERT INTO article_topics VALUES(2,1,4,NULL);
INSERT INTO article_topics VALUES(3,0,5,NULL);
INSERT INTO article_topics VALUES(3,1,6,NULL);
INSERT INTO article_topics VALUES(4,0,3,NULL);
INSERT INTO article_topics VALUES(4,1,7,NULL);
INSERT INTO article_topics VALUES(5,0,8,NULL);
INSERT INTO article_topics VALUES(5,1,3,NULL);
INSERT INTO article_topics VALUES(6,0,9,NULL);
INSERT INTO article_topics VALUES(6,1,10,NULL);
INSERT INTO article_topics VALUES(7,0,11,NULL);
INSERT INTO article_topics VALUES(7,1,1,NULL);
CREATE TABLE images (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  role       TEXT NOT NULL CHECK (role IN ('article', 'provider')),
  position   INTEGER NOT NULL,
  url        TEXT,
  width      INTEGER,
  height     INTEGER,
  title      TEXT,
  is_cached  INTEGER CHECK (is_cached IN (0, 1)),
  extra      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
  UNIQUE (article_id, role, position)
);
INSERT INTO images VALUES(1,1,'article',0,'https://news.example.com/img/open-weights-1200x675.jpg',1200,675,'Model card of the release',1,'{}');
INSERT INTO images VALUES(2,1,'provider',0,'/assets/images/organizations/news.example.com-50x50.png',50,50,NULL,NULL,'{}');
INSERT INTO images VALUES(3,3,'article',0,'https://chips.example.net/images/fab.jpg',1600,900,NULL,0,'{}');
INSERT INTO images VALUES(4,5,'article',0,'https://robots.example.com/kitchen-1280x720.jpg',1280,720,NULL,1,'{}');
INSERT INTO images VALUES(5,5,'provider',0,'https://robots.example.com/logo-50x50.png',50,50,NULL,NULL,'{}');
CREATE TABLE related (
  id              INTEGER PRIMARY KEY,
  article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position        INTEGER NOT NULL,
  title           TEXT,
  excerpt         TEXT,
  published_at    TEXT,
  web_url         TEXT,
  amp_web_url     TEXT,
  cdn_amp_web_url TEXT,
  canonical_url   TEXT,
  type            TEXT,
  quality         INTEGER,
  provider_id     INTEGER REFERENCES providers(id),
  provider_name   TEXT,
  extra           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)), provider_images TEXT
  CHECK (provider_images IS NULL OR json_valid(provider_images)),
  UNIQUE (article_id, position)
);
INSERT INTO related VALUES(1,1,0,'What an Apache 2.0 licence means for model weights','Lawyers read the fine print of permissive licences applied to trained models.','2023-03-15T08:30:00Z','https://law.example.org/analysis/apache-weights',NULL,NULL,'https://law.example.org/analysis/apache-weights','article',75,2,'Example Law Review','{}',NULL);
INSERT INTO related VALUES(2,1,1,'Benchmarks for small open models','A comparison of seven open models on reasoning and coding tasks.','2023-03-20T12:00:00Z','https://news.example.com/ai/benchmarks-small-open-models',NULL,NULL,'https://news.example.com/ai/benchmarks-small-open-models','article',98,1,'Example News','{}',NULL);
INSERT INTO related VALUES(3,2,0,'Open-weights language model released under Apache 2.0',NULL,'2023-03-14T16:05:00Z','https://news.example.com/ai/open-weights-model#comments',NULL,NULL,'https://news.example.com/ai/open-weights-model','article',112,1,'Example News','{}',NULL);
CREATE TABLE rejected_files (
  root_id       INTEGER NOT NULL REFERENCES roots(id),
  path          TEXT NOT NULL,
  file_size     INTEGER NOT NULL,
  file_mtime_ns INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('skipped', 'error')),
  line          INTEGER,
  col           INTEGER,
  message       TEXT NOT NULL,
  PRIMARY KEY (root_id, path)
) WITHOUT ROWID;
CREATE TABLE import_runs (
  id          INTEGER PRIMARY KEY,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  roots       TEXT NOT NULL CHECK (json_valid(roots)),    -- JSON array of paths
  options     TEXT NOT NULL CHECK (json_valid(options)),  -- JSON object
  files       INTEGER NOT NULL DEFAULT 0,
  added       INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  moved       INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  removed     INTEGER NOT NULL DEFAULT 0,
  skipped     INTEGER NOT NULL DEFAULT 0,
  failed      INTEGER NOT NULL DEFAULT 0,
  warnings    INTEGER NOT NULL DEFAULT 0,
  message     TEXT                                         -- why a run failed
);
INSERT INTO import_runs VALUES(1,'2026-11-28T12:48:52Z','2026-11-28T12:48:53Z','done','["/home/user/articledb/examples/articles/_news"]','{"force":false,"jobs":0,"max_file_size":16777216,"prune":false}',7,7,0,0,0,0,0,0,0,NULL);
CREATE TABLE import_problems (
  id       INTEGER PRIMARY KEY,
  run_id   INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
  path     TEXT NOT NULL,                                  -- absolute path of the file
  line     INTEGER,
  col      INTEGER,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'skipped', 'warning')),
  message  TEXT NOT NULL
);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','articles_fts','articles_fts',0,'CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, excerpt, body, topics, provider,
  content = ''articles_fts_content'', content_rowid = ''id'',
  tokenize = ''unicode61 remove_diacritics 2''
)');
CREATE TABLE IF NOT EXISTS 'articles_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO articles_fts_data VALUES(1,X'072e69311a0d');
INSERT INTO articles_fts_data VALUES(10,X'000000020101010001010101');
INSERT INTO articles_fts_data VALUES(137438953473,X'0000096b02303001020a010601020a020230300502070101310406010105020130050206020132030601010d02023362020601020c0101320102090106010208020230300406010106020174010601020f01023338020601020901023430030601010a020131020601020f0101350206010210010236310206010207020136020601020d010137010601010a020162010601020d0106010206010138020601020e01016101100101021601020605010c0101020102050203626572040601010d020b6363656c657261746f7273030601010704066f7264696e67030601010e020169010601030702060103020106010302010601030302016e0106010112030164010c010111010208010601010a030601010d02057061636865010208020173030205010162020601020b0207656672616774650406010204030669737069656c040601040303086e63686d61726b730208020103050206696c6c696f6e010601010b0206756467657473040209010363616e05060101070205656e7472650306010106020468697073030601040202046c65616e050601010e03046f736564020601011102036f646501060101100403696e67020c01010b01020403026d65030208040770617269736f6e020601010303056f6b696e6705060101050305756e746572050601011202047261636b0506010109010464617461030601010502026572040601020d030975747363686c616e64040601020a020269650406010202030a737472696275746f72730306010110010565617365730302040203676773050601010a0203696e650406010102020976616c756174696f6e010c010113010212020678616d706c65010601040201060104020104666162730302070203656c6c030601010802026f7202020301060101040203726f6d03060101090202050103676170020601010f020e65736368616674736675687265720406010205020270750302020207726fc39f6572650402060208756e737469676572040601010e01086861726477617265030601030304046e65737301060102130306756669676572040601010c02046f7572730502080102696d04020402016e04060102090306636c7564656401060102140801730106010204030974656c6c6967656e7a0408030103040201740406010207030173010601010901026b6904060101090305746368656e05020202076c65696e6572650402080209756e73746c6963686504080201030301036c6162010601010403066e677561676501080401030501060103030506010303030372676501060103040106010302020365616403060101020402726e050204030469746572040601020802066963656e6365010601011801076d616368696e650606010303020a697474656c7374616e6404020502046f64656c01080501010d010601020206017301060103060110060101070d01030401096e6172726f77696e6702060101130305747572616c0706010302020265770302060401730106010403010601040302026f77050601010801026f660106010108010601010403020902016e0206010108030601010403046c696e65030209020370656e01080201030201080501010605060103050209737465727265696368040601020b0109706172616d65746572010601010c0a0173010601020e020965726d697373697665010601011702046c616e650402070209726f63657373696e67070601030404056a656b7465040601010a020875626c697368656401060101050109726561736f6e696e67020c010109010203030463697065010601020c03056c656173650106010203080164010206030a70726f64756369626c65010601020a0306736561726368010601010302076f626f746963730506010302060173050e030101020104020106736175636573050601010c020663687765697a040601020e020d656d69636f6e647563746f72730306010304030376656e02060101050204686f7773020601010d02046d616c6c02020402056f75726365010601030306060103060203746972050601010b03047564696504060102030204756974650106010114030470706c7903020301057461736b73020601010c02026865010c010106010202010601010e03060101110203696479050601011003036d6573030601010302016f0206010110010801010c050303646179050601040303076b656e697a65720106010207060173010601021102067261696e656405060101030603696e67010e01010f01020b0704086e736c6174696f6e06060103040107756d6672616765040601010302026e64040801020608040265720108070101150303746572040601010406066e65686d656e0406010107020170050601010f0105766964656f05020a060173050601010601067765656b6c790306010403050173030601010b03056967687473010e0301010701020503047264656e040601010b0209697274736368616674040601040203027468010601010e01057a6569677404060101080108d8a3d8b7d984d98207060101020201a7070a0101050407030cd984d8b9d8b1d8a8d98ad8a90702060506d984d8bad8a9070205060785d8b5d8afd8b107060101090201a8070601010b030ad8a7d8add8abd988d98607060101030207acd8afd98ad8af0702030207b9d8b1d8a8d98a07060104030902d8a9070601010f0304d984d989070601010d0108d981d8b5d8add9890706010110020784d8bad988d98a0706010106030cd985d8b9d8a7d984d8acd8a9070204020785d8abd8a7d98407060104020407add984d98ad8a907060101120403afd8b1070601010a0308d981d8aad988d8ad0706010108020786d8b5d988d8b5070601010e0308d985d988d8b0d8ac070802010104020b88d984d987d8acd8a7d8aa0706010111010ce38386e38383e382afe4be8b0606010402010ce4babae5b7a5e79fa5e883bd06060103020d0fe381abe38288e3828be7bfbbe8a8b3060202011be696b0e38197e38184e7bfbbe8a8b3e383a2e38387e383abe381af0606010102025097a5e69cace8aa9ee381a8e88bb1e8aa9ee381aee99693e381a7e4babae99693e381abe8bf91e38184e59381e8b3aae38292e98194e68890e38197e3819fe381a8e799bae8a1a8e38195e3828ce3819f06060101030112e7a094e7a9b6e38381e383bce383a0e381af06060102020217b2bee5baa6e3818ce5a4a7e5b985e381abe59091e4b88a0602030238b484e4ba94e58484e69687e381aee5afbee8a8b3e38387e383bce382bfe381a7e383a2e38387e383abe38292e8a893e7b7b4e38197e3819f0606010203040b07080608090b0908090908080908080d08150a120d1708150a06080e0d100d0b0a0c0b0b0b0a0d070e0c0c0b0b091009110a0a0a1312090a0c0d0a15070c0f0f0b0d0907080d08110808090a0c110a180f0a070b0d0e0f1112100c070d09110d09161010081009100c0f130b0c06110d0e0c0d0d140a0b09110a0b0b090c160a0a0e0a0e080d0e0f0e0a0a0a0d080a080d08100b10090c0f0a110b0e08110c0e090b0f0e110e0e0a0f0e10121313142257191c');
CREATE TABLE IF NOT EXISTS 'articles_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO articles_fts_idx VALUES(1,X'',2);
CREATE TABLE IF NOT EXISTS 'articles_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO articles_fts_docsize VALUES(1,X'0917130602');
INSERT INTO articles_fts_docsize VALUES(2,X'05120f0402');
INSERT INTO articles_fts_docsize VALUES(3,X'080f000302');
INSERT INTO articles_fts_docsize VALUES(4,X'080d0d0302');
INSERT INTO articles_fts_docsize VALUES(5,X'0911000202');
INSERT INTO articles_fts_docsize VALUES(6,X'0202020301');
INSERT INTO articles_fts_docsize VALUES(7,X'0511000502');
CREATE TABLE IF NOT EXISTS 'articles_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO articles_fts_config VALUES('hashsize',16777216);
INSERT INTO articles_fts_config VALUES('rank','bm25(10.0, 4.0, 1.0, 2.0, 2.0)');
INSERT INTO articles_fts_config VALUES('version',4);
CREATE TABLE import_session (
  id INTEGER PRIMARY KEY
);
CREATE TABLE search_terms (
  term TEXT PRIMARY KEY,
  df   INTEGER NOT NULL,
  cut  REAL
) WITHOUT ROWID;
INSERT INTO search_terms VALUES('0',2,NULL);
INSERT INTO search_terms VALUES('000',1,NULL);
INSERT INTO search_terms VALUES('1',1,NULL);
INSERT INTO search_terms VALUES('10',1,NULL);
INSERT INTO search_terms VALUES('12',1,NULL);
INSERT INTO search_terms VALUES('13b',1,NULL);
INSERT INTO search_terms VALUES('2',2,NULL);
INSERT INTO search_terms VALUES('200',1,NULL);
INSERT INTO search_terms VALUES('2t',1,NULL);
INSERT INTO search_terms VALUES('38',1,NULL);
INSERT INTO search_terms VALUES('40',1,NULL);
INSERT INTO search_terms VALUES('41',1,NULL);
INSERT INTO search_terms VALUES('5',1,NULL);
INSERT INTO search_terms VALUES('61',1,NULL);
INSERT INTO search_terms VALUES('66',1,NULL);
INSERT INTO search_terms VALUES('7',1,NULL);
INSERT INTO search_terms VALUES('7b',2,NULL);
INSERT INTO search_terms VALUES('8',1,NULL);
INSERT INTO search_terms VALUES('a',2,NULL);
INSERT INTO search_terms VALUES('aber',1,NULL);
INSERT INTO search_terms VALUES('accelerators',1,NULL);
INSERT INTO search_terms VALUES('according',1,NULL);
INSERT INTO search_terms VALUES('ai',4,NULL);
INSERT INTO search_terms VALUES('an',1,NULL);
INSERT INTO search_terms VALUES('and',3,NULL);
INSERT INTO search_terms VALUES('apache',1,NULL);
INSERT INTO search_terms VALUES('as',1,NULL);
INSERT INTO search_terms VALUES('b',1,NULL);
INSERT INTO search_terms VALUES('befragte',1,NULL);
INSERT INTO search_terms VALUES('beispiel',1,NULL);
INSERT INTO search_terms VALUES('benchmarks',1,NULL);
INSERT INTO search_terms VALUES('billion',1,NULL);
INSERT INTO search_terms VALUES('budgets',1,NULL);
INSERT INTO search_terms VALUES('can',1,NULL);
INSERT INTO search_terms VALUES('centre',1,NULL);
INSERT INTO search_terms VALUES('chips',1,NULL);
INSERT INTO search_terms VALUES('clean',1,NULL);
INSERT INTO search_terms VALUES('closed',1,NULL);
INSERT INTO search_terms VALUES('code',1,NULL);
INSERT INTO search_terms VALUES('coding',1,NULL);
INSERT INTO search_terms VALUES('come',1,NULL);
INSERT INTO search_terms VALUES('comparison',1,NULL);
INSERT INTO search_terms VALUES('cooking',1,NULL);
INSERT INTO search_terms VALUES('counter',1,NULL);
INSERT INTO search_terms VALUES('crack',1,NULL);
INSERT INTO search_terms VALUES('data',1,NULL);
INSERT INTO search_terms VALUES('der',1,NULL);
INSERT INTO search_terms VALUES('deutschland',1,NULL);
INSERT INTO search_terms VALUES('die',1,NULL);
INSERT INTO search_terms VALUES('distributors',1,NULL);
INSERT INTO search_terms VALUES('eases',1,NULL);
INSERT INTO search_terms VALUES('eggs',1,NULL);
INSERT INTO search_terms VALUES('eine',1,NULL);
INSERT INTO search_terms VALUES('evaluation',1,NULL);
INSERT INTO search_terms VALUES('example',2,NULL);
INSERT INTO search_terms VALUES('fabs',1,NULL);
INSERT INTO search_terms VALUES('fell',1,NULL);
INSERT INTO search_terms VALUES('for',2,NULL);
INSERT INTO search_terms VALUES('from',2,NULL);
INSERT INTO search_terms VALUES('gap',1,NULL);
INSERT INTO search_terms VALUES('geschaftsfuhrer',1,NULL);
INSERT INTO search_terms VALUES('gpu',1,NULL);
INSERT INTO search_terms VALUES('großere',1,NULL);
INSERT INTO search_terms VALUES('gunstiger',1,NULL);
INSERT INTO search_terms VALUES('hardware',1,NULL);
INSERT INTO search_terms VALUES('harness',1,NULL);
INSERT INTO search_terms VALUES('haufiger',1,NULL);
INSERT INTO search_terms VALUES('hours',1,NULL);
INSERT INTO search_terms VALUES('im',1,NULL);
INSERT INTO search_terms VALUES('in',1,NULL);
INSERT INTO search_terms VALUES('included',1,NULL);
INSERT INTO search_terms VALUES('includes',1,NULL);
INSERT INTO search_terms VALUES('intelligenz',1,NULL);
INSERT INTO search_terms VALUES('it',1,NULL);
INSERT INTO search_terms VALUES('its',1,NULL);
INSERT INTO search_terms VALUES('ki',1,NULL);
INSERT INTO search_terms VALUES('kitchen',1,NULL);
INSERT INTO search_terms VALUES('kleinere',1,NULL);
INSERT INTO search_terms VALUES('kunstliche',1,NULL);
INSERT INTO search_terms VALUES('lab',1,NULL);
INSERT INTO search_terms VALUES('language',3,NULL);
INSERT INTO search_terms VALUES('large',2,NULL);
INSERT INTO search_terms VALUES('lead',1,NULL);
INSERT INTO search_terms VALUES('learn',1,NULL);
INSERT INTO search_terms VALUES('leiter',1,NULL);
INSERT INTO search_terms VALUES('licence',1,NULL);
INSERT INTO search_terms VALUES('machine',1,NULL);
INSERT INTO search_terms VALUES('mittelstand',1,NULL);
INSERT INTO search_terms VALUES('model',2,NULL);
INSERT INTO search_terms VALUES('models',2,NULL);
INSERT INTO search_terms VALUES('narrowing',1,NULL);
INSERT INTO search_terms VALUES('natural',1,NULL);
INSERT INTO search_terms VALUES('new',1,NULL);
INSERT INTO search_terms VALUES('news',2,NULL);
INSERT INTO search_terms VALUES('now',1,NULL);
INSERT INTO search_terms VALUES('of',3,NULL);
INSERT INTO search_terms VALUES('on',2,NULL);
INSERT INTO search_terms VALUES('online',1,NULL);
INSERT INTO search_terms VALUES('open',3,NULL);
INSERT INTO search_terms VALUES('osterreich',1,NULL);
INSERT INTO search_terms VALUES('parameter',1,NULL);
INSERT INTO search_terms VALUES('parameters',1,NULL);
INSERT INTO search_terms VALUES('permissive',1,NULL);
INSERT INTO search_terms VALUES('plane',1,NULL);
INSERT INTO search_terms VALUES('processing',1,NULL);
INSERT INTO search_terms VALUES('projekte',1,NULL);
INSERT INTO search_terms VALUES('published',1,NULL);
INSERT INTO search_terms VALUES('reasoning',1,NULL);
INSERT INTO search_terms VALUES('recipe',1,NULL);
INSERT INTO search_terms VALUES('release',1,NULL);
INSERT INTO search_terms VALUES('released',1,NULL);
INSERT INTO search_terms VALUES('reproducible',1,NULL);
INSERT INTO search_terms VALUES('research',1,NULL);
INSERT INTO search_terms VALUES('robotics',1,NULL);
INSERT INTO search_terms VALUES('robots',1,NULL);
INSERT INTO search_terms VALUES('sauces',1,NULL);
INSERT INTO search_terms VALUES('schweiz',1,NULL);
INSERT INTO search_terms VALUES('semiconductors',1,NULL);
INSERT INTO search_terms VALUES('seven',1,NULL);
INSERT INTO search_terms VALUES('shows',1,NULL);
INSERT INTO search_terms VALUES('small',1,NULL);
INSERT INTO search_terms VALUES('source',2,NULL);
INSERT INTO search_terms VALUES('stir',1,NULL);
INSERT INTO search_terms VALUES('studie',1,NULL);
INSERT INTO search_terms VALUES('suite',1,NULL);
INSERT INTO search_terms VALUES('supply',1,NULL);
INSERT INTO search_terms VALUES('tasks',1,NULL);
INSERT INTO search_terms VALUES('the',3,NULL);
INSERT INTO search_terms VALUES('tidy',1,NULL);
INSERT INTO search_terms VALUES('times',1,NULL);
INSERT INTO search_terms VALUES('to',2,NULL);
INSERT INTO search_terms VALUES('today',1,NULL);
INSERT INTO search_terms VALUES('tokenizer',1,NULL);
INSERT INTO search_terms VALUES('tokens',1,NULL);
INSERT INTO search_terms VALUES('trained',1,NULL);
INSERT INTO search_terms VALUES('training',1,NULL);
INSERT INTO search_terms VALUES('translation',1,NULL);
INSERT INTO search_terms VALUES('umfrage',1,NULL);
INSERT INTO search_terms VALUES('und',1,NULL);
INSERT INTO search_terms VALUES('under',1,NULL);
INSERT INTO search_terms VALUES('unter',1,NULL);
INSERT INTO search_terms VALUES('unternehmen',1,NULL);
INSERT INTO search_terms VALUES('up',1,NULL);
INSERT INTO search_terms VALUES('video',1,NULL);
INSERT INTO search_terms VALUES('videos',1,NULL);
INSERT INTO search_terms VALUES('weekly',1,NULL);
INSERT INTO search_terms VALUES('weeks',1,NULL);
INSERT INTO search_terms VALUES('weights',1,NULL);
INSERT INTO search_terms VALUES('werden',1,NULL);
INSERT INTO search_terms VALUES('wirtschaft',1,NULL);
INSERT INTO search_terms VALUES('with',1,NULL);
INSERT INTO search_terms VALUES('zeigt',1,NULL);
INSERT INTO search_terms VALUES('أطلق',1,NULL);
INSERT INTO search_terms VALUES('ا',1,NULL);
INSERT INTO search_terms VALUES('العربية',1,NULL);
INSERT INTO search_terms VALUES('اللغة',1,NULL);
INSERT INTO search_terms VALUES('المصدر',1,NULL);
INSERT INTO search_terms VALUES('ب',1,NULL);
INSERT INTO search_terms VALUES('باحثون',1,NULL);
INSERT INTO search_terms VALUES('جديد',1,NULL);
INSERT INTO search_terms VALUES('عربي',1,NULL);
INSERT INTO search_terms VALUES('عربية',1,NULL);
INSERT INTO search_terms VALUES('على',1,NULL);
INSERT INTO search_terms VALUES('فصحى',1,NULL);
INSERT INTO search_terms VALUES('لغوي',1,NULL);
INSERT INTO search_terms VALUES('لمعالجة',1,NULL);
INSERT INTO search_terms VALUES('مثال',1,NULL);
INSERT INTO search_terms VALUES('محلية',1,NULL);
INSERT INTO search_terms VALUES('مدر',1,NULL);
INSERT INTO search_terms VALUES('مفتوح',1,NULL);
INSERT INTO search_terms VALUES('نصوص',1,NULL);
INSERT INTO search_terms VALUES('نموذج',1,NULL);
INSERT INTO search_terms VALUES('ولهجات',1,NULL);
INSERT INTO search_terms VALUES('テック例',1,NULL);
INSERT INTO search_terms VALUES('人工知能',1,NULL);
INSERT INTO search_terms VALUES('人工知能による翻訳',1,NULL);
INSERT INTO search_terms VALUES('新しい翻訳モデルは',1,NULL);
INSERT INTO search_terms VALUES('日本語と英語の間で人間に近い品質を達成したと発表された',1,NULL);
INSERT INTO search_terms VALUES('研究チームは',1,NULL);
INSERT INTO search_terms VALUES('精度が大幅に向上',1,NULL);
INSERT INTO search_terms VALUES('約五億文の対訳データでモデルを訓練した',1,NULL);
CREATE TABLE search_heads (
  term     TEXT NOT NULL,
  chunk    INTEGER NOT NULL,
  postings BLOB NOT NULL,
  PRIMARY KEY (term, chunk)
) WITHOUT ROWID;
CREATE TABLE search_dead (
  id    INTEGER PRIMARY KEY,
  chunk INTEGER NOT NULL
);
CREATE TABLE search_state (
  key   TEXT PRIMARY KEY,
  value
) WITHOUT ROWID;
INSERT INTO search_state VALUES('next_chunk',2);
INSERT INTO search_state VALUES('reference_length',34.142857142857145902);
INSERT INTO search_state VALUES('valid',1);
CREATE TABLE search_pending (
  id       INTEGER PRIMARY KEY,
  counted  INTEGER NOT NULL,
  title    TEXT,
  excerpt  TEXT,
  body     TEXT,
  topics   TEXT,
  provider TEXT
);
CREATE TABLE feed_state (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  revision INTEGER NOT NULL
);
INSERT INTO feed_state VALUES(1,7);
CREATE TABLE tombstones (
  revision   INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  root_id    INTEGER,
  path       TEXT NOT NULL,
  deleted_at TEXT NOT NULL
);
CREATE TABLE platforms (
  domain TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT INTO platforms VALUES('blogspot.com');
INSERT INTO platforms VALUES('bsky.app');
INSERT INTO platforms VALUES('dailymotion.com');
INSERT INTO platforms VALUES('dev.to');
INSERT INTO platforms VALUES('facebook.com');
INSERT INTO platforms VALUES('github.com');
INSERT INTO platforms VALUES('gitlab.com');
INSERT INTO platforms VALUES('hashnode.com');
INSERT INTO platforms VALUES('instagram.com');
INSERT INTO platforms VALUES('linkedin.com');
INSERT INTO platforms VALUES('mastodon.social');
INSERT INTO platforms VALUES('medium.com');
INSERT INTO platforms VALUES('open.spotify.com');
INSERT INTO platforms VALUES('podcasts.apple.com');
INSERT INTO platforms VALUES('reddit.com');
INSERT INTO platforms VALUES('slideshare.net');
INSERT INTO platforms VALUES('soundcloud.com');
INSERT INTO platforms VALUES('substack.com');
INSERT INTO platforms VALUES('threads.net');
INSERT INTO platforms VALUES('tiktok.com');
INSERT INTO platforms VALUES('tumblr.com');
INSERT INTO platforms VALUES('twitch.tv');
INSERT INTO platforms VALUES('twitter.com');
INSERT INTO platforms VALUES('vimeo.com');
INSERT INTO platforms VALUES('wordpress.com');
INSERT INTO platforms VALUES('x.com');
INSERT INTO platforms VALUES('youtube.com');
CREATE TABLE layouts (
  id   INTEGER PRIMARY KEY,
  keys TEXT NOT NULL UNIQUE
);
INSERT INTO layouts VALUES(1,'{"":["category","title","excerpt","publishedDateTime","originalUrl","webUrl","ampWebUrl","type","quality","heat","published","provider","topics","images","related","secured"],"provider":["name","domain","images"],"provider.images[]":["url","width","height"],"images[]":["url","width","height","isCached","title"],"related[]":["title","excerpt","publishedDateTime","webUrl","type","provider","quality"],"related[].provider":["name","domain"]}');
INSERT INTO layouts VALUES(2,'{"":["category","title","excerpt","publishedDateTime","webUrl","type","quality","heat","published","provider","topics","related","secured"],"provider":["name","domain"],"related[]":["title","publishedDateTime","webUrl","type","provider","quality"],"related[].provider":["name","domain"]}');
INSERT INTO layouts VALUES(3,'{"":["category","title","excerpt","publishedDateTime","originalUrl","type","quality","heat","published","removed","provider","topics","images","secured"],"provider":["name","domain"],"images[]":["url","width","height","isCached"]}');
INSERT INTO layouts VALUES(4,'{"":["category","title","excerpt","publishedDateTime","originalUrl","type","quality","heat","published","provider","topics","secured"],"provider":["name","domain"]}');
INSERT INTO layouts VALUES(5,'{"":["category","title","excerpt","publishedDateTime","originalUrl","type","quality","heat","published","featuredContent","provider","topics","images","secured"],"provider":["name","domain","images"],"provider.images[]":["url","width","height"],"images[]":["url","width","height","isCached"]}');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('articles',7);
CREATE INDEX topics_by_slug ON topics(slug);
CREATE INDEX articles_by_time_key ON articles(coalesce(published_at, ''));
CREATE INDEX articles_by_quality_key ON articles(coalesce(quality, -9223372036854775807));
CREATE INDEX articles_by_heat_key ON articles(coalesce(heat, -9223372036854775807));
CREATE INDEX articles_by_provider ON articles(provider_id);
CREATE INDEX articles_by_canonical_url ON articles(canonical_url);
CREATE INDEX article_topics_by_topic ON article_topics(topic_id, article_id);
CREATE INDEX related_by_canonical_url ON related(canonical_url);
CREATE INDEX related_by_provider ON related(provider_id);
CREATE INDEX import_problems_by_run ON import_problems(run_id);
CREATE VIEW topic_counts AS
SELECT t.id, t.name, t.slug, count(l.article_id) AS articles
  FROM topics AS t
  LEFT JOIN article_topics AS l ON l.topic_id = t.id
 GROUP BY t.id;
CREATE VIEW provider_counts AS
SELECT p.id, p.name, p.domain, count(a.id) AS articles
  FROM providers AS p
  LEFT JOIN articles AS a ON a.provider_id = p.id
 GROUP BY p.id;
CREATE VIEW monthly_counts AS
SELECT substr(published_at, 1, 7) AS month, count(*) AS articles
  FROM articles
 WHERE published_at IS NOT NULL
 GROUP BY month;
CREATE VIEW related_links AS
SELECT r.*,
       (SELECT min(a.id) FROM articles AS a WHERE a.canonical_url = r.canonical_url)
         AS target_article_id
  FROM related AS r;
CREATE VIEW provider_logos AS
SELECT DISTINCT a.provider_id, i.url, i.width, i.height
  FROM images AS i
  JOIN articles AS a ON a.id = i.article_id
 WHERE i.role = 'provider' AND a.provider_id IS NOT NULL;
CREATE VIEW import_failures AS
SELECT r.id AS run_id, r.started_at, p.path, p.line, p.col, p.severity, p.message
  FROM import_problems AS p
  JOIN import_runs AS r ON r.id = p.run_id
 WHERE p.severity <> 'warning';
CREATE VIEW article_topic_names AS
SELECT article_id, group_concat(name, '; ') AS topics
  FROM (SELECT l.article_id, coalesce(l.label, t.name) AS name
          FROM article_topics AS l
          JOIN topics AS t ON t.id = l.topic_id
         ORDER BY l.article_id, l.position)
 GROUP BY article_id;
CREATE VIEW articles_fts_content AS
SELECT id, title, excerpt, body_text AS body, topics_text AS topics, provider_name AS provider
  FROM articles;
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  INSERT INTO articles_fts(rowid, title, excerpt, body, topics, provider)
  VALUES (new.id, new.title, new.excerpt, new.body_text, new.topics_text, new.provider_name);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, excerpt, body, topics, provider)
  VALUES ('delete', old.id, old.title, old.excerpt, old.body_text, old.topics_text,
          old.provider_name);
END;
CREATE TRIGGER articles_fts_update
AFTER UPDATE OF id, title, excerpt, body_text, topics_text, provider_name ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, excerpt, body, topics, provider)
  VALUES ('delete', old.id, old.title, old.excerpt, old.body_text, old.topics_text,
          old.provider_name);
  INSERT INTO articles_fts(rowid, title, excerpt, body, topics, provider)
  VALUES (new.id, new.title, new.excerpt, new.body_text, new.topics_text, new.provider_name);
END;
CREATE TRIGGER article_topics_text_insert AFTER INSERT ON article_topics
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE articles
     SET topics_text = (SELECT topics FROM article_topic_names WHERE article_id = new.article_id)
   WHERE id = new.article_id;
END;
CREATE TRIGGER article_topics_text_delete AFTER DELETE ON article_topics
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE articles
     SET topics_text = (SELECT topics FROM article_topic_names WHERE article_id = old.article_id)
   WHERE id = old.article_id;
END;
CREATE TRIGGER article_topics_text_update AFTER UPDATE ON article_topics
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE articles
     SET topics_text = (SELECT topics FROM article_topic_names WHERE article_id = articles.id)
   WHERE id IN (old.article_id, new.article_id);
END;
CREATE TRIGGER topics_text_update AFTER UPDATE OF name ON topics
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE articles
     SET topics_text = (SELECT topics FROM article_topic_names WHERE article_id = articles.id)
   WHERE id IN (SELECT article_id FROM article_topics WHERE topic_id = new.id);
END;
CREATE VIEW article_overview AS
SELECT a.id,
       a.collection,
       a.path,
       a.title,
       a.published_at,
       a.type,
       coalesce(a.provider_name, p.name) AS provider,
       p.domain AS provider_domain,
       a.topics_text AS topics,
       a.quality,
       a.heat,
       coalesce(a.web_url, a.original_url) AS url
  FROM articles AS a
  LEFT JOIN providers AS p ON p.id = a.provider_id;
CREATE INDEX articles_by_file ON articles(root_id, path, file_size, file_mtime_ns, stat_verified);
CREATE TRIGGER search_pending_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  INSERT OR IGNORE INTO search_pending(id, counted) VALUES (new.id, 0);
END;
CREATE TRIGGER search_pending_delete AFTER DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  INSERT OR IGNORE INTO search_pending(id, counted, title, excerpt, body, topics, provider)
  VALUES (old.id, 1, old.title, old.excerpt, old.body_text, old.topics_text, old.provider_name);
END;
CREATE TRIGGER search_pending_update
AFTER UPDATE OF id, title, excerpt, body_text, topics_text, provider_name ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  INSERT OR IGNORE INTO search_pending(id, counted, title, excerpt, body, topics, provider)
  VALUES (old.id, 1, old.title, old.excerpt, old.body_text, old.topics_text, old.provider_name);
  INSERT OR IGNORE INTO search_pending(id, counted) VALUES (new.id, 0);
END;
CREATE INDEX articles_facets ON articles(id, provider_id, published_at);
CREATE INDEX articles_by_revision ON articles(revision);
CREATE TRIGGER feed_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE feed_state SET revision = revision + 1;
  UPDATE articles SET revision = (SELECT revision FROM feed_state) WHERE id = new.id;
END;
CREATE TRIGGER feed_update
AFTER UPDATE OF id, root_id, path, collection, category, title, excerpt, published_at,
  original_url, web_url, amp_web_url, cdn_amp_web_url, canonical_url, type, quality, heat,
  published, removed, provider_id, provider_name, secured, body, body_format, body_text, extra,
  repaired, topics_text ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE feed_state SET revision = revision + 1;
  UPDATE articles SET revision = (SELECT revision FROM feed_state) WHERE id = new.id;
END;
CREATE TRIGGER feed_delete AFTER DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE feed_state SET revision = revision + 1;
  INSERT INTO tombstones(revision, article_id, root_id, path, deleted_at)
  VALUES ((SELECT revision FROM feed_state), old.id, old.root_id, old.path,
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE VIEW changes AS
SELECT revision, 'changed' AS change, id AS article_id, root_id, path FROM articles
 WHERE revision IS NOT NULL
UNION ALL
SELECT revision, 'deleted' AS change, article_id, root_id, path FROM tombstones;
CREATE VIEW duplicates AS
SELECT canonical_url, copies, id, path, title, published_at
  FROM (SELECT canonical_url, id, path, title, published_at,
               count(*) OVER (PARTITION BY canonical_url) AS copies
          FROM articles WHERE canonical_url IS NOT NULL)
 WHERE copies > 1;
CREATE UNIQUE INDEX providers_by_name_key ON providers(name_key)
  WHERE domain IS NULL AND platform IS NULL;
CREATE UNIQUE INDEX providers_by_platform ON providers(platform, name_key)
  WHERE platform IS NOT NULL;
PRAGMA writable_schema=OFF;
COMMIT;
PRAGMA user_version = 6;
PRAGMA application_id = 1094992433;
