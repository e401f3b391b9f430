-- wrk script for bench/intake.sh: POSTs the report IntakeCeiling writes, with an operator token.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("VIGIL_TOKEN")
wrk.body = '{"name": "Иван Петров", "birth_year": 1990, "city": "Москва", ' ..
  '"detained_at": "2021-01-23T14:05:00+03:00", "place": "Пушкинская площадь", ' ..
  '"police_station": "ОВД Тверской", "source": "relative", "contact": "+7 900 000-00-00", ' ..
  '"text": "free text from the caller", "consent": "none"}'
