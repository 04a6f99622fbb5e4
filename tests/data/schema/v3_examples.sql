-- A database written by articledb at schema version 3: examples/articles imported (roots
-- shown as /examples/articles). The migration test opens it with the current version.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE roots (
  id   INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE
);
INSERT INTO roots VALUES(1,'/examples/articles');
CREATE TABLE providers (
  id       INTEGER PRIMARY KEY,
  domain   TEXT UNIQUE,
  name     TEXT NOT NULL,      -- the name it was first seen with; articles keep their own
  name_key TEXT NOT NULL       -- NFKC case-folded name
);
INSERT INTO providers VALUES(1,'learn.example.com','Example Learn','example learn');
INSERT INTO providers VALUES(2,'video.example.com','Example Video','example video');
INSERT INTO providers VALUES(3,'news.example.com','Example News','example news');
INSERT INTO providers VALUES(4,'law.example.org','Example Law Review','example law review');
INSERT INTO providers VALUES(5,'chips.example.net','Chips Weekly','chips weekly');
INSERT INTO providers VALUES(6,'wirtschaft.example.de','Wirtschaft Beispiel','wirtschaft beispiel');
INSERT INTO providers VALUES(7,'robots.example.com','Robots Today','robots today');
INSERT INTO providers VALUES(8,'tech.example.jp','テック例','テック例');
INSERT INTO providers VALUES(9,'arabic.example.org','مثال عربي','مثال عربي');
INSERT INTO providers VALUES(10,'code.example.com','Example Code','example code');
CREATE TABLE topics (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL,          -- the spelling it was first seen with
  key  TEXT NOT NULL UNIQUE,   -- NFKC case-folded name, whitespace collapsed
  slug TEXT NOT NULL
);
INSERT INTO topics VALUES(1,'Large Language Models','large language models','large-language-models');
INSERT INTO topics VALUES(2,'Search','search','search');
INSERT INTO topics VALUES(3,'Fine-tuning','fine-tuning','fine-tuning');
INSERT INTO topics VALUES(4,'Open Source','open source','open-source');
INSERT INTO topics VALUES(5,'AI','ai','ai');
INSERT INTO topics VALUES(6,'Benchmarks','benchmarks','benchmarks');
INSERT INTO topics VALUES(7,'AI Hardware','ai hardware','ai-hardware');
INSERT INTO topics VALUES(8,'Semiconductors','semiconductors','semiconductors');
INSERT INTO topics VALUES(9,'Künstliche Intelligenz','künstliche intelligenz','kunstliche-intelligenz');
INSERT INTO topics VALUES(10,'Robotics','robotics','robotics');
INSERT INTO topics VALUES(11,'人工知能','人工知能','ren-gong-zhi-neng');
INSERT INTO topics VALUES(12,'Machine Translation','machine translation','machine-translation');
INSERT INTO topics VALUES(13,'Natural Language Processing','natural language processing','natural-language-processing');
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
  repaired        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(repaired)), topics_text TEXT,
  UNIQUE (root_id, path)
);
INSERT INTO articles VALUES(1,1,'_learning/courses/intro-to-embeddings.md','learning',729,1795810628537751367,'ba06ff195c3eb3a2976566f4623d6b60',1,'2026-11-28T03:23:10Z',NULL,'Introduction to text embeddings','Learn how sentences become vectors, how to compare them, and how to build semantic search with a vector index.',NULL,NULL,'https://learn.example.com/courses/intro-to-embeddings',NULL,NULL,'https://learn.example.com/courses/intro-to-embeddings','course',NULL,70,NULL,NULL,1,'Example Learn','example-signature-8',replace('## What you will build\n\nA small **semantic search** over your own notes, with `cosine similarity` and a vector index.\n','\n',char(10)),'markdown','What you will build A small semantic search over your own notes, with cosine similarity and a vector index.','{"price":"Free","length":"PT2H15M","ratings":{"count":128,"average":4.7},"levels":["Beginner","Intermediate"]}','{}','Large Language Models; Search');
INSERT INTO articles VALUES(2,1,'_learning/videos/fine-tuning-in-20-minutes.md','learning',674,1795810628537751367,'ba71021a49c0b735c1d3b841307b87e7',1,'2026-11-28T03:23:10Z',NULL,'Fine-tuning a small model in 20 minutes','A hands-on walk-through: data preparation, LoRA adapters, evaluation, and publishing the result.','2023-11-02T15:00:00Z','https://video.example.com/watch?v=ft20',NULL,NULL,NULL,'https://video.example.com/watch?v=ft20','video',NULL,61,NULL,NULL,2,'Example Video','example-signature-9',NULL,NULL,NULL,'{"price":"Free","length":"PT21M37S","featuredContent":"<iframe width=\"800\" height=\"500\" src=\"https://video.example.com/embed/ft20\"></iframe>"}','{}','Large Language Models; Fine-tuning');
INSERT INTO articles VALUES(3,1,'_news/2023-03-14-open-weights-model-released.md','news',1834,1795810628537751367,'1c728c4445056b1c1ce992ee2c48c03e',1,'2026-11-28T03:23:10Z','news','Open-weights language model released under Apache 2.0','A research lab published the weights of its 7-billion-parameter model, with training code and an evaluation suite, under a permissive licence.','2023-03-14T16:05:00Z','https://news.example.com/ai/open-weights-model?utm_source=feed','https://news.example.com/ai/open-weights-model','https://news.example.com/amp/ai/open-weights-model',NULL,'https://news.example.com/ai/open-weights-model','article',112,140,1,NULL,3,'Example News','example-signature-1',replace('The release includes **weights**, a tokenizer and a reproducible training recipe.\n\n- 7B parameters, 2T training tokens\n- Evaluation harness included\n','\n',char(10)),'markdown','The release includes weights, a tokenizer and a reproducible training recipe. 7B parameters, 2T training tokens Evaluation harness included','{}','{}','Open Source; Large Language Models; AI');
INSERT INTO articles VALUES(4,1,'_news/2023-03-20-benchmarks-small-open-models.md','news',910,1795810628537877378,'d40387a9a82964f99441f0ed73bed07f',1,'2026-11-28T03:23:10Z','news','Benchmarks for small open models','A comparison of seven open models on reasoning and coding tasks shows the gap to closed models narrowing.','2023-03-20T12:00:00Z',NULL,'https://news.example.com/ai/benchmarks-small-open-models',NULL,NULL,'https://news.example.com/ai/benchmarks-small-open-models','article',98,90,1,NULL,3,'Example News','example-signature-2',replace('| model | reasoning | coding |\n|-------|-----------|--------|\n| A-7B  | 61.2      | 38.0   |\n| B-13B | 66.8      | 41.5   |\n','\n',char(10)),'markdown','model reasoning coding A-7B 61.2 38.0 B-13B 66.8 41.5','{}','{"publishedDateTime":"2023-03-20T13:00:00+01:00","provider.domain":"www.news.example.com"}','Large Language Models; Benchmarks');
INSERT INTO articles VALUES(5,1,'_news/2023-06-02-gpu-supply.md','news',592,1795810628537877378,'8d0b9692dc93e1d81bf1ee1c2c6f10de',1,'2026-11-28T03:23:10Z','news','GPU supply eases as new fabs come online','Lead times for data-centre accelerators fell from 40 weeks to 12, according to distributors.','2023-06-02T07:45:00Z','https://chips.example.net/2023/06/gpu-supply',NULL,NULL,NULL,'https://chips.example.net/2023/06/gpu-supply','article',87,65,1,0,5,'Chips Weekly','example-signature-3',NULL,NULL,NULL,'{}','{}','AI Hardware; Semiconductors');
INSERT INTO articles VALUES(6,1,'_news/2023-09-10-ki-im-mittelstand.md','news',609,1795810628537877378,'97157c2a6a715ba293a67d31d9c78127',1,'2026-11-28T03:23:10Z','news','Künstliche Intelligenz im Mittelstand: Größere Pläne, kleinere Budgets','Eine Umfrage unter 1.200 Unternehmen zeigt: KI-Projekte werden häufiger, aber günstiger.','2023-09-10T08:00:00Z','https://wirtschaft.example.de/ki-mittelstand',NULL,NULL,NULL,'https://wirtschaft.example.de/ki-mittelstand','article',80,55,1,NULL,6,'Wirtschaft Beispiel','example-signature-4',replace('Die Studie befragte Geschäftsführer und IT-Leiter in Deutschland, Österreich und der Schweiz.\n','\n',char(10)),'markdown','Die Studie befragte Geschäftsführer und IT-Leiter in Deutschland, Österreich und der Schweiz.','{}','{"publishedDateTime":"2023-09-10T10:00:00+02:00"}','AI; Künstliche Intelligenz');
INSERT INTO articles VALUES(7,1,'_news/2024-01-08-robotics-kitchen.md','news',788,1795810628537877378,'bf69ec6d33c2aecbf85407c263a12219',1,'2026-11-28T03:23:10Z','news','Kitchen robots learn from 10,000 hours of video','Robots trained on cooking videos can now crack eggs, stir sauces and clean up & tidy the counter.','2024-01-08T18:20:00Z','https://robots.example.com/kitchen',NULL,NULL,NULL,'https://robots.example.com/kitchen','video',101,120,1,NULL,7,'Robots Today','example-signature-5',NULL,NULL,NULL,'{"featuredContent":"<iframe width=\"800\" height=\"450\" src=\"https://video.example.com/embed/kitchen\"></iframe>"}','{"excerpt":"Robots trained on cooking videos can now crack eggs, stir sauces and clean up &amp; tidy the counter."}','Robotics; AI');
INSERT INTO articles VALUES(8,1,'_news/2024-02-11-jinko-chino-hon-yaku.md','news',585,1795810628537877378,'3e9b224b894df99265dbabdd3f6b4f64',1,'2026-11-28T03:23:10Z','news','人工知能による翻訳、精度が大幅に向上','新しい翻訳モデルは、日本語と英語の間で人間に近い品質を達成したと発表された。','2024-02-11T00:00:00Z','https://tech.example.jp/ai/translation',NULL,NULL,NULL,'https://tech.example.jp/ai/translation','article',92,88,1,NULL,8,'テック例','example-signature-6',replace('研究チームは、約五億文の対訳データでモデルを訓練した。\n','\n',char(10)),'markdown','研究チームは、約五億文の対訳データでモデルを訓練した。','{}','{"publishedDateTime":"2024-02-11T09:00:00+09:00"}','人工知能; Machine Translation');
INSERT INTO articles VALUES(9,1,'_news/2024-03-05-arabic-nlp.md','news',559,1795810628537877378,'32aae054a9b97d3b47e8f265d565d96e',1,'2026-11-28T03:23:10Z','news','نموذج جديد لمعالجة اللغة العربية','أطلق باحثون نموذجًا لغويًا مفتوح المصدر مدرَّبًا على نصوص عربية فصحى ولهجات محلية.','2024-03-05T08:30:00Z','https://arabic.example.org/nlp-model',NULL,NULL,NULL,'https://arabic.example.org/nlp-model','article',85,60,1,NULL,9,'مثال عربي','example-signature-7',NULL,NULL,NULL,'{}','{"publishedDateTime":"2024-03-05T11:30:00+03:00"}','Natural Language Processing; Open Source');
INSERT INTO articles VALUES(10,1,'_newsletters/ai-weekly-2024-01-12.html','newsletters',682,1795810628537877378,'15532cead0a8f8fe17ccaad7338beab5',1,'2026-11-28T03:23:10Z',NULL,'AI Weekly (2024-01-12)','Kitchen robots, open-weights models and GPU supply: the week in AI.','2024-01-12T18:00:00Z',NULL,'https://newsletter.example.com/ai-weekly/2024-01-12/',NULL,NULL,'https://newsletter.example.com/ai-weekly/2024-01-12/','article',NULL,NULL,NULL,NULL,NULL,NULL,NULL,replace('<html>\n<head>\n  <meta charset="utf-8">\n  <title>AI Weekly (2024-01-12)</title>\n  <style>body { font-family: sans-serif; }</style>\n</head>\n<body>\n  <h1>AI Weekly</h1>\n  <p>This week: <a href="https://robots.example.com/kitchen">kitchen robots</a> learn from video,\n     and GPU lead times keep falling.</p>\n  <table><tr><td>Read time</td><td>4 minutes</td></tr></table>\n  <script>console.log("tracking");</script>\n</body>\n</html>\n','\n',char(10)),'html','AI Weekly This week: kitchen robots learn from video, and GPU lead times keep falling. Read time 4 minutes','{}','{}','AI');
INSERT INTO articles VALUES(11,1,'_people/grace-example.md','people',567,1795810628537877378,'7b542dd63174db018c2086a22cb3196b',1,'2026-11-28T03:23:10Z',NULL,'Grace Example',NULL,NULL,NULL,NULL,NULL,NULL,NULL,'profile',NULL,77,NULL,NULL,NULL,NULL,'example-signature-11',NULL,NULL,NULL,'{"name":"Grace Example","bio":"Researcher in information retrieval; writes about search engines and language models.","location":"Lisbon, Portugal","affiliation":{"name":"Example University","domain":"university.example.edu"},"website":"https://grace.example.net","twitter":{"username":"grace_example","url":"https://twitter.com/grace_example","followers":4200}}','{}','Search');
INSERT INTO articles VALUES(12,1,'_samples/semantic-search-notebook.md','samples',751,1795810628537877378,'2402fc42fbca7336a7d04ef1e5d0f241',1,'2026-11-28T03:23:10Z',NULL,'Semantic search notebook','A notebook that indexes 10,000 abstracts and answers questions with hybrid keyword and vector search.','2023-12-01T09:00:00Z','https://code.example.com/samples/semantic-search',NULL,NULL,NULL,'https://code.example.com/samples/semantic-search','download',NULL,50,NULL,NULL,10,'Example Code','example-signature-10',replace('<p>The sample uses <strong>SQLite FTS5</strong> for keywords and a small vector index for meaning.</p>\n<p>Run <code>make index</code>, then <code>make ask</code>.</p>\n','\n',char(10)),'markdown','The sample uses SQLite FTS5 for keywords and a small vector index for meaning. Run make index, then make ask.','{"actions":[{"url":"https://code.example.com/samples/semantic-search.zip","type":"download","title":"Download the notebook"}],"provider":{"authors":[{"name":"Ada Example"}]}}','{}','Search; Large Language Models');
CREATE TABLE article_topics (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position   INTEGER NOT NULL,                 -- 0-based, as listed in the file
  topic_id   INTEGER NOT NULL REFERENCES topics(id),
  label      TEXT,                             -- the article's spelling when it differs from topics.name
  PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
INSERT INTO article_topics VALUES(1,0,1,NULL);
INSERT INTO article_topics VALUES(1,1,2,NULL);
INSERT INTO article_topics VALUES(2,0,1,NULL);
INSERT INTO article_topics VALUES(2,1,3,NULL);
INSERT INTO article_topics VALUES(3,0,4,NULL);
INSERT INTO article_topics VALUES(3,1,1,NULL);
INSERT INTO article_topics VALUES(3,2,5,NULL);
INSERT INTO article_topics VALUES(4,0,1,NULL);
INSERT INTO article_topics VALUES(4,1,6,NULL);
INSERT INTO article_topics VALUES(5,0,7,NULL);
INSERT INTO article_topics VALUES(5,1,8,NULL);
INSERT INTO article_topics VALUES(6,0,5,NULL);
INSERT INTO article_topics VALUES(6,1,9,NULL);
INSERT INTO article_topics VALUES(7,0,10,NULL);
INSERT INTO article_topics VALUES(7,1,5,NULL);
INSERT INTO article_topics VALUES(8,0,11,NULL);
INSERT INTO article_topics VALUES(8,1,12,NULL);
INSERT INTO article_topics VALUES(9,0,13,NULL);
INSERT INTO article_topics VALUES(9,1,4,NULL);
INSERT INTO article_topics VALUES(10,0,5,NULL);
INSERT INTO article_topics VALUES(11,0,2,NULL);
INSERT INTO article_topics VALUES(12,0,2,NULL);
INSERT INTO article_topics VALUES(12,1,1,NULL);
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
INSERT INTO images VALUES(1,1,'article',0,'https://learn.example.com/img/embeddings.png',640,320,NULL,1,'{}');
INSERT INTO images VALUES(2,2,'article',0,'https://video.example.com/thumbs/ft20.jpg',1280,720,NULL,1,'{}');
INSERT INTO images VALUES(3,3,'article',0,'https://news.example.com/img/open-weights-1200x675.jpg',1200,675,'Model card of the release',1,'{}');
INSERT INTO images VALUES(4,3,'provider',0,'/assets/images/organizations/news.example.com-50x50.png',50,50,NULL,NULL,'{}');
INSERT INTO images VALUES(5,5,'article',0,'https://chips.example.net/images/fab.jpg',1600,900,NULL,0,'{}');
INSERT INTO images VALUES(6,7,'article',0,'https://robots.example.com/kitchen-1280x720.jpg',1280,720,NULL,1,'{}');
INSERT INTO images VALUES(7,7,'provider',0,'https://robots.example.com/logo-50x50.png',50,50,NULL,NULL,'{}');
INSERT INTO images VALUES(8,11,'article',0,'https://grace.example.net/portrait.jpg',400,400,'Grace Example',1,'{}');
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
  extra           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
  UNIQUE (article_id, position)
);
INSERT INTO related VALUES(1,3,0,'What an Apache 2.0 licence means for model weights','Lawyers read the fine print of permissive licences applied to trained models.','2023-03-15T08:30:00Z','https://law.example.org/analysis/apache-weights',NULL,NULL,'https://law.example.org/analysis/apache-weights','article',75,4,'Example Law Review','{}');
INSERT INTO related VALUES(2,3,1,'Benchmarks for small open models','A comparison of seven open models on reasoning and coding tasks.','2023-03-20T12:00:00Z','https://news.example.com/ai/benchmarks-small-open-models',NULL,NULL,'https://news.example.com/ai/benchmarks-small-open-models','article',98,3,'Example News','{}');
INSERT INTO related VALUES(3,4,0,'Open-weights language model released under Apache 2.0',NULL,'2023-03-14T16:05:00Z','https://news.example.com/ai/open-weights-model#comments',NULL,NULL,'https://news.example.com/ai/open-weights-model','article',112,3,'Example News','{}');
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
INSERT INTO import_runs VALUES(1,'2026-11-28T03:23:10Z','2026-11-28T03:23:10Z','done','["/examples/articles"]','{"force":false,"jobs":0,"max_file_size":16777216,"prune":false}',12,12,0,0,0,0,0,0,0,NULL);
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
INSERT INTO articles_fts_data VALUES(1,X'0c4481266b2913');
INSERT INTO articles_fts_data VALUES(10,X'000000020101010001010101');
INSERT INTO articles_fts_data VALUES(137438953473,X'00000d6802303003020a010601020a0202303007020705060101070201310a020501013106060101050201300702060506010106020132050601010d05020602023362040601020c01013203020901060102080201300202080301300606010106030232340a0204020174030601020f0102333804060102090101340a06010213020130050601010a020131040601020f0101350406010210010236310406010207020136040601020d010137030601010a020162030601020d0106010206010138040601020e010161010e0101120102060e01080401010201100101021601020605010c010102010205080c01010201020a0203626572060601010d0307737472616374730c06010108020b6363656c657261746f7273050601010704066f7264696e67050601010e020764617074657273020601010a020169030601030702060103020106010302010601030303140201010d01020201030202016e0306010112030164010c01010b010211010601010c010c010111010208010601010a030601010d030c01010701020b020e01010908010209030573776572730c0601010a0205706163686503020802017305020503016b0c06010215010162040601020b020565636f6d65010601010503066672616774650606010204030669737069656c060601040303086e63686d61726b730408020103050206696c6c696f6e030601010b02067564676574730602090303696c64010c01010e010205010363616e07060101070205656e7472650506010106020468697073050601040202046c65616e070601010e03046f736564040601011102036f6465030601011009060104030403696e67040c01010b01020403026d650502080404706172650106010109070469736f6e040601010303056f6b696e670706010105030473696e65010601020f0305756e746572070601011202047261636b07060101090104646174610206010107030601010502026572060601020d030975747363686c616e64060601020a020269650606010202030a737472696275746f72730506010110010565617365730502040203676773070601010a0203696e65060601010202096d62656464696e6773010205020976616c756174696f6e020601010b010c010113010212020678616d706c650106010402010601040201060104020106010402070203010601040201046661627305020703056c6c696e670a060102100203656c6c05060101080203696e6502080201030502026f7204020301060101040708010207090203726f6d0506010109020205030601020902037473350c060102060103676170040601010f020e6573636861667473667568726572060601020502027075050202050c01010801020c0204726163650b020203066fc39f6572650602060208756e737469676572060601010e010568616e647302060101030306726477617265050601030304046e65737303060102130306756669676572060601010c02046f757273070208030177010a0101030607020579627269640c0601010d0102696d06020402016e0202070406010209040601010c0306636c75646564030601021408017303060102040303646578010c0101140102140b0801020d07060265730c06010105030974656c6c6967656e7a0608030103040409726f64756374696f6e0102020201740606010207030173030601010901046b6565700a0601020f030579776f72640c0601010e0801730c0601020802016906060101090305746368656e070202030c01010201020602076c65696e6572650602080209756e73746c6963686506080201030301036c6162030601010403066e67756167650106010303010601030301080401030501060103030506010303030601030403037267650106010302010601030201060103040106010302080601030302036561640506010102050601020d0402726e010c0101020104030602040306010208030469746572060601020802066963656e6365030601011802036f7261020601010901076d616368696e65080601030303026b650c0801021105020665616e696e670c0601020f0206696e75746573020209080601021403097474656c7374616e6406020502046f64656c02020601080501010d01060102020601730106010304010601030401060103060110060101070d0103040606010106020601030501096e6172726f77696e6704060101130305747572616c0906010302020265770502060401730306010403010601040302076f7465626f6f6b0c0804010103050173010601020d030177070601010801026f660306010108010601010403020902016e02060101040206010108030601010403046c696e65050209020370656e030802010302010805010106050601030501060101040209737465727265696368060601020b0203766572010601020a0202776e010601020c0109706172616d65746572030601010c0a0173030601020e020965726d697373697665030601011702046c616e65060207020a72657061726174696f6e020601010803086f63657373696e67090601030404056a656b7465060601010a020875626c697368656403060101050803696e67020601010d01097175657374696f6e730c0601010b0104726561640a060102110406736f6e696e67040c010109010203030463697065030601020c03056c656173650306010203080164030206030a70726f64756369626c65030601020a030673656172636803060101030403756c74020601010f02076f626f746963730706010302060173070e03010102010402030c0101030102070202756e0c06010210010673616d706c650c06010203030475636573070601010c020663687765697a060601020e0205656172636801120101100102090103050a06010302010e0301011101030203066d616e746963010c01010f0102080b0202040b69636f6e647563746f7273050601030403076e74656e6365730106010104030376656e04060101050204686f7773040601010d0209696d696c6172697479010601021002046d616c6c0106010207010205020204080601020b02056f75726365030601030306060103060205716c6974650c060102050203746972070601010b03047564696506060102030204756974650306010114030470706c79050203050601010901057461736b73040601010c020365787401020402036861740c06010104030165020601010e010c010106010202010601010e0306010111030601010a020601020204016d010601010a04016e0c06010213030269730a060102040305726f75676802060101060203696479070601011003026d650a060102120501730506010103050601020e02016f010a03010108070306010110010801010c050303646179070601040303076b656e697a65720306010207060173030601021102067261696e656407060101030603696e67030e01010f01020b0704086e736c6174696f6e08060103040205756e696e670208030103060107756d6672616765060601010302026e64060801020608040265720308070101150303746572060601010406066e65686d656e0606010107020170070601010f02037365730c060102040106766563746f72010c0101130102130b0c01011001020c070173010601010602046964656f020601040305020a030601020a0601730706010106010477616c6b0206010105020365656b0a0c01010b01020505026c790506010403050803010203050173050601010b03056967687473030e03010107010205070601010503047264656e060601010b020368617401060102020203696c6c010601020403087274736368616674060601040203027468010c01011101020e020601010e090601010c0103796f750106010203040172010601020b01057a6569677406060101080108d8a3d8b7d984d98209060101020201a7090a0101050407030cd984d8b9d8b1d8a8d98ad8a90902060506d984d8bad8a9090205060785d8b5d8afd8b109060101090201a8090601010b030ad8a7d8add8abd988d98609060101030207acd8afd98ad8af0902030207b9d8b1d8a8d98a09060104030902d8a9090601010f0304d984d989090601010d0108d981d8b5d8add9890906010110020784d8bad988d98a0906010106030cd985d8b9d8a7d984d8acd8a9090204020785d8abd8a7d98409060104020407add984d98ad8a909060101120403afd8b1090601010a0308d981d8aad988d8ad0906010108020786d8b5d988d8b5090601010e0308d985d988d8b0d8ac090802010104020b88d984d987d8acd8a7d8aa0906010111010ce38386e38383e382afe4be8b0806010402010ce4babae5b7a5e79fa5e883bd08060103020d0fe381abe38288e3828be7bfbbe8a8b3080202011be696b0e38197e38184e7bfbbe8a8b3e383a2e38387e383abe381af0806010102025097a5e69cace8aa9ee381a8e88bb1e8aa9ee381aee99693e381a7e4babae99693e381abe8bf91e38184e59381e8b3aae38292e98194e68890e38197e3819fe381a8e799bae8a1a8e38195e3828ce3819f08060101030112e7a094e7a9b6e38381e383bce383a0e381af08060102020217b2bee5baa6e3818ce5a4a7e5b985e381abe59091e4b88a0802030238b484e4ba94e58484e69687e381aee5afbee8a8b3e38387e383bce382bfe381a7e383a2e38387e383abe38292e8a893e7b7b4e38197e3819f0806010203040b0c06080b0b090b0608070809080808080908080d082c0a0e120d0e2308330c0a0608080c0d0d100d0b0d0a0c0b0b0b0f0d070b0b0c0b0c0b10091009110a0a0a0e1824090c0a0b12120a0a150f090b0f0c0d0b0d090a0c07100d081309110e08080b0c0808120c110a271e0f140b0d0a0e0a0d100e1426100c070d0f08081112091b100a0910081009110f0c0f0a100b100b0c06110d0a0e14090d0b0d2013120e0a0b1016110c0a0b0b0e0c080a240808090c0a090d150a0e080d0e0f0d0e0a0a0a0d080a180813080b0d0f08150b0a0a0f160a080c0f0a110b0e08110c0e090b0f0e110e0e0a0f0e10121313142257191c');
CREATE TABLE IF NOT EXISTS 'articles_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO articles_fts_idx VALUES(1,X'',2);
CREATE TABLE IF NOT EXISTS 'articles_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO articles_fts_docsize VALUES(1,X'0413130402');
INSERT INTO articles_fts_docsize VALUES(2,X'080e000502');
INSERT INTO articles_fts_docsize VALUES(3,X'0917130602');
INSERT INTO articles_fts_docsize VALUES(4,X'05120f0402');
INSERT INTO articles_fts_docsize VALUES(5,X'080f000302');
INSERT INTO articles_fts_docsize VALUES(6,X'080d0d0302');
INSERT INTO articles_fts_docsize VALUES(7,X'0911000202');
INSERT INTO articles_fts_docsize VALUES(8,X'0202020301');
INSERT INTO articles_fts_docsize VALUES(9,X'0511000502');
INSERT INTO articles_fts_docsize VALUES(10,X'050c130100');
INSERT INTO articles_fts_docsize VALUES(11,X'0200000100');
INSERT INTO articles_fts_docsize VALUES(12,X'0310140402');
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
INSERT INTO search_terms VALUES('000',2,NULL);
INSERT INTO search_terms VALUES('01',1,NULL);
INSERT INTO search_terms VALUES('1',1,NULL);
INSERT INTO search_terms VALUES('10',2,NULL);
INSERT INTO search_terms VALUES('12',2,NULL);
INSERT INTO search_terms VALUES('13b',1,NULL);
INSERT INTO search_terms VALUES('2',2,NULL);
INSERT INTO search_terms VALUES('20',1,NULL);
INSERT INTO search_terms VALUES('200',1,NULL);
INSERT INTO search_terms VALUES('2024',1,NULL);
INSERT INTO search_terms VALUES('2t',1,NULL);
INSERT INTO search_terms VALUES('38',1,NULL);
INSERT INTO search_terms VALUES('4',1,NULL);
INSERT INTO search_terms VALUES('40',1,NULL);
INSERT INTO search_terms VALUES('41',1,NULL);
INSERT INTO search_terms VALUES('5',1,NULL);
INSERT INTO search_terms VALUES('61',1,NULL);
INSERT INTO search_terms VALUES('66',1,NULL);
INSERT INTO search_terms VALUES('7',1,NULL);
INSERT INTO search_terms VALUES('7b',2,NULL);
INSERT INTO search_terms VALUES('8',1,NULL);
INSERT INTO search_terms VALUES('a',5,NULL);
INSERT INTO search_terms VALUES('aber',1,NULL);
INSERT INTO search_terms VALUES('abstracts',1,NULL);
INSERT INTO search_terms VALUES('accelerators',1,NULL);
INSERT INTO search_terms VALUES('according',1,NULL);
INSERT INTO search_terms VALUES('adapters',1,NULL);
INSERT INTO search_terms VALUES('ai',5,NULL);
INSERT INTO search_terms VALUES('an',1,NULL);
INSERT INTO search_terms VALUES('and',7,NULL);
INSERT INTO search_terms VALUES('answers',1,NULL);
INSERT INTO search_terms VALUES('apache',1,NULL);
INSERT INTO search_terms VALUES('as',1,NULL);
INSERT INTO search_terms VALUES('ask',1,NULL);
INSERT INTO search_terms VALUES('b',1,NULL);
INSERT INTO search_terms VALUES('become',1,NULL);
INSERT INTO search_terms VALUES('befragte',1,NULL);
INSERT INTO search_terms VALUES('beispiel',1,NULL);
INSERT INTO search_terms VALUES('benchmarks',1,NULL);
INSERT INTO search_terms VALUES('billion',1,NULL);
INSERT INTO search_terms VALUES('budgets',1,NULL);
INSERT INTO search_terms VALUES('build',1,NULL);
INSERT INTO search_terms VALUES('can',1,NULL);
INSERT INTO search_terms VALUES('centre',1,NULL);
INSERT INTO search_terms VALUES('chips',1,NULL);
INSERT INTO search_terms VALUES('clean',1,NULL);
INSERT INTO search_terms VALUES('closed',1,NULL);
INSERT INTO search_terms VALUES('code',2,NULL);
INSERT INTO search_terms VALUES('coding',1,NULL);
INSERT INTO search_terms VALUES('come',1,NULL);
INSERT INTO search_terms VALUES('compare',1,NULL);
INSERT INTO search_terms VALUES('comparison',1,NULL);
INSERT INTO search_terms VALUES('cooking',1,NULL);
INSERT INTO search_terms VALUES('cosine',1,NULL);
INSERT INTO search_terms VALUES('counter',1,NULL);
INSERT INTO search_terms VALUES('crack',1,NULL);
INSERT INTO search_terms VALUES('data',2,NULL);
INSERT INTO search_terms VALUES('der',1,NULL);
INSERT INTO search_terms VALUES('deutschland',1,NULL);
INSERT INTO search_terms VALUES('die',1,NULL);
INSERT INTO search_terms VALUES('distributors',1,NULL);
INSERT INTO search_terms VALUES('eases',1,NULL);
INSERT INTO search_terms VALUES('eggs',1,NULL);
INSERT INTO search_terms VALUES('eine',1,NULL);
INSERT INTO search_terms VALUES('embeddings',1,NULL);
INSERT INTO search_terms VALUES('evaluation',2,NULL);
INSERT INTO search_terms VALUES('example',6,NULL);
INSERT INTO search_terms VALUES('fabs',1,NULL);
INSERT INTO search_terms VALUES('falling',1,NULL);
INSERT INTO search_terms VALUES('fell',1,NULL);
INSERT INTO search_terms VALUES('fine',1,NULL);
INSERT INTO search_terms VALUES('for',3,NULL);
INSERT INTO search_terms VALUES('from',3,NULL);
INSERT INTO search_terms VALUES('fts5',1,NULL);
INSERT INTO search_terms VALUES('gap',1,NULL);
INSERT INTO search_terms VALUES('geschaftsfuhrer',1,NULL);
INSERT INTO search_terms VALUES('gpu',2,NULL);
INSERT INTO search_terms VALUES('grace',1,NULL);
INSERT INTO search_terms VALUES('großere',1,NULL);
INSERT INTO search_terms VALUES('gunstiger',1,NULL);
INSERT INTO search_terms VALUES('hands',1,NULL);
INSERT INTO search_terms VALUES('hardware',1,NULL);
INSERT INTO search_terms VALUES('harness',1,NULL);
INSERT INTO search_terms VALUES('haufiger',1,NULL);
INSERT INTO search_terms VALUES('hours',1,NULL);
INSERT INTO search_terms VALUES('how',1,NULL);
INSERT INTO search_terms VALUES('hybrid',1,NULL);
INSERT INTO search_terms VALUES('im',1,NULL);
INSERT INTO search_terms VALUES('in',3,NULL);
INSERT INTO search_terms VALUES('included',1,NULL);
INSERT INTO search_terms VALUES('includes',1,NULL);
INSERT INTO search_terms VALUES('index',2,NULL);
INSERT INTO search_terms VALUES('indexes',1,NULL);
INSERT INTO search_terms VALUES('intelligenz',1,NULL);
INSERT INTO search_terms VALUES('introduction',1,NULL);
INSERT INTO search_terms VALUES('it',1,NULL);
INSERT INTO search_terms VALUES('its',1,NULL);
INSERT INTO search_terms VALUES('keep',1,NULL);
INSERT INTO search_terms VALUES('keyword',1,NULL);
INSERT INTO search_terms VALUES('keywords',1,NULL);
INSERT INTO search_terms VALUES('ki',1,NULL);
INSERT INTO search_terms VALUES('kitchen',2,NULL);
INSERT INTO search_terms VALUES('kleinere',1,NULL);
INSERT INTO search_terms VALUES('kunstliche',1,NULL);
INSERT INTO search_terms VALUES('lab',1,NULL);
INSERT INTO search_terms VALUES('language',6,NULL);
INSERT INTO search_terms VALUES('large',5,NULL);
INSERT INTO search_terms VALUES('lead',2,NULL);
INSERT INTO search_terms VALUES('learn',3,NULL);
INSERT INTO search_terms VALUES('leiter',1,NULL);
INSERT INTO search_terms VALUES('licence',1,NULL);
INSERT INTO search_terms VALUES('lora',1,NULL);
INSERT INTO search_terms VALUES('machine',1,NULL);
INSERT INTO search_terms VALUES('make',1,NULL);
INSERT INTO search_terms VALUES('meaning',1,NULL);
INSERT INTO search_terms VALUES('minutes',2,NULL);
INSERT INTO search_terms VALUES('mittelstand',1,NULL);
INSERT INTO search_terms VALUES('model',3,NULL);
INSERT INTO search_terms VALUES('models',6,NULL);
INSERT INTO search_terms VALUES('narrowing',1,NULL);
INSERT INTO search_terms VALUES('natural',1,NULL);
INSERT INTO search_terms VALUES('new',1,NULL);
INSERT INTO search_terms VALUES('news',2,NULL);
INSERT INTO search_terms VALUES('notebook',1,NULL);
INSERT INTO search_terms VALUES('notes',1,NULL);
INSERT INTO search_terms VALUES('now',1,NULL);
INSERT INTO search_terms VALUES('of',3,NULL);
INSERT INTO search_terms VALUES('on',3,NULL);
INSERT INTO search_terms VALUES('online',1,NULL);
INSERT INTO search_terms VALUES('open',4,NULL);
INSERT INTO search_terms VALUES('osterreich',1,NULL);
INSERT INTO search_terms VALUES('over',1,NULL);
INSERT INTO search_terms VALUES('own',1,NULL);
INSERT INTO search_terms VALUES('parameter',1,NULL);
INSERT INTO search_terms VALUES('parameters',1,NULL);
INSERT INTO search_terms VALUES('permissive',1,NULL);
INSERT INTO search_terms VALUES('plane',1,NULL);
INSERT INTO search_terms VALUES('preparation',1,NULL);
INSERT INTO search_terms VALUES('processing',1,NULL);
INSERT INTO search_terms VALUES('projekte',1,NULL);
INSERT INTO search_terms VALUES('published',1,NULL);
INSERT INTO search_terms VALUES('publishing',1,NULL);
INSERT INTO search_terms VALUES('questions',1,NULL);
INSERT INTO search_terms VALUES('read',1,NULL);
INSERT INTO search_terms VALUES('reasoning',1,NULL);
INSERT INTO search_terms VALUES('recipe',1,NULL);
INSERT INTO search_terms VALUES('release',1,NULL);
INSERT INTO search_terms VALUES('released',1,NULL);
INSERT INTO search_terms VALUES('reproducible',1,NULL);
INSERT INTO search_terms VALUES('research',1,NULL);
INSERT INTO search_terms VALUES('result',1,NULL);
INSERT INTO search_terms VALUES('robotics',1,NULL);
INSERT INTO search_terms VALUES('robots',2,NULL);
INSERT INTO search_terms VALUES('run',1,NULL);
INSERT INTO search_terms VALUES('sample',1,NULL);
INSERT INTO search_terms VALUES('sauces',1,NULL);
INSERT INTO search_terms VALUES('schweiz',1,NULL);
INSERT INTO search_terms VALUES('search',3,NULL);
INSERT INTO search_terms VALUES('semantic',2,NULL);
INSERT INTO search_terms VALUES('semiconductors',1,NULL);
INSERT INTO search_terms VALUES('sentences',1,NULL);
INSERT INTO search_terms VALUES('seven',1,NULL);
INSERT INTO search_terms VALUES('shows',1,NULL);
INSERT INTO search_terms VALUES('similarity',1,NULL);
INSERT INTO search_terms VALUES('small',4,NULL);
INSERT INTO search_terms VALUES('source',2,NULL);
INSERT INTO search_terms VALUES('sqlite',1,NULL);
INSERT INTO search_terms VALUES('stir',1,NULL);
INSERT INTO search_terms VALUES('studie',1,NULL);
INSERT INTO search_terms VALUES('suite',1,NULL);
INSERT INTO search_terms VALUES('supply',2,NULL);
INSERT INTO search_terms VALUES('tasks',1,NULL);
INSERT INTO search_terms VALUES('text',1,NULL);
INSERT INTO search_terms VALUES('that',1,NULL);
INSERT INTO search_terms VALUES('the',6,NULL);
INSERT INTO search_terms VALUES('them',1,NULL);
INSERT INTO search_terms VALUES('then',1,NULL);
INSERT INTO search_terms VALUES('this',1,NULL);
INSERT INTO search_terms VALUES('through',1,NULL);
INSERT INTO search_terms VALUES('tidy',1,NULL);
INSERT INTO search_terms VALUES('time',1,NULL);
INSERT INTO search_terms VALUES('times',2,NULL);
INSERT INTO search_terms VALUES('to',3,NULL);
INSERT INTO search_terms VALUES('today',1,NULL);
INSERT INTO search_terms VALUES('tokenizer',1,NULL);
INSERT INTO search_terms VALUES('tokens',1,NULL);
INSERT INTO search_terms VALUES('trained',1,NULL);
INSERT INTO search_terms VALUES('training',1,NULL);
INSERT INTO search_terms VALUES('translation',1,NULL);
INSERT INTO search_terms VALUES('tuning',1,NULL);
INSERT INTO search_terms VALUES('umfrage',1,NULL);
INSERT INTO search_terms VALUES('und',1,NULL);
INSERT INTO search_terms VALUES('under',1,NULL);
INSERT INTO search_terms VALUES('unter',1,NULL);
INSERT INTO search_terms VALUES('unternehmen',1,NULL);
INSERT INTO search_terms VALUES('up',1,NULL);
INSERT INTO search_terms VALUES('uses',1,NULL);
INSERT INTO search_terms VALUES('vector',2,NULL);
INSERT INTO search_terms VALUES('vectors',1,NULL);
INSERT INTO search_terms VALUES('video',3,NULL);
INSERT INTO search_terms VALUES('videos',1,NULL);
INSERT INTO search_terms VALUES('walk',1,NULL);
INSERT INTO search_terms VALUES('week',1,NULL);
INSERT INTO search_terms VALUES('weekly',2,NULL);
INSERT INTO search_terms VALUES('weeks',1,NULL);
INSERT INTO search_terms VALUES('weights',2,NULL);
INSERT INTO search_terms VALUES('werden',1,NULL);
INSERT INTO search_terms VALUES('what',1,NULL);
INSERT INTO search_terms VALUES('will',1,NULL);
INSERT INTO search_terms VALUES('wirtschaft',1,NULL);
INSERT INTO search_terms VALUES('with',3,NULL);
INSERT INTO search_terms VALUES('you',1,NULL);
INSERT INTO search_terms VALUES('your',1,NULL);
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
INSERT INTO search_state VALUES('reference_length',33.416666666666664299);
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
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('articles',12);
CREATE UNIQUE INDEX providers_by_name_key ON providers(name_key) WHERE domain IS NULL;
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
PRAGMA writable_schema=OFF;
COMMIT;
PRAGMA user_version = 3;
PRAGMA application_id = 1094992433;
