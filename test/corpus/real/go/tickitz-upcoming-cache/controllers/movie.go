// GetUpcoming godoc
// @Summary Get upcoming movies
// @Description Retrieve list of upcoming movies
// @Tags Movies
// @Produce json
// @Success 200 {object} utils.Response
// @Failure 500 {object} utils.Response
// @Router /movies/upcoming [get]
func GetUpcoming(c *gin.Context) {
	ctx := context.Background()

	cacheKey := "/movies/upcoming"

	err := utils.RedisClient().Ping(ctx).Err()
	noredis := false
	if err != nil {
		log.Println("Redis unavailable:", err.Error())
		noredis = true
	}

	if !noredis {
		val, err := utils.RedisClient().Get(ctx, cacheKey).Result()
		if err == nil {
			var cached []models.Movie
			if err := json.Unmarshal([]byte(val), &cached); err == nil {
				c.JSON(http.StatusOK, utils.Response{
					Success: true,
					Message: "Upcoming movies (from Redis)",
					Results: cached,
				})
				return
			}
		}
	}

	movies, err := models.GetUpcoming()
	if err != nil {
		log.Println(err.Error())
		c.JSON(http.StatusInternalServerError, utils.Response{
			Success: false,
			Message: "Failed to fetch movies",
			Errors:  err.Error(),
		})
		return
	}

	if !noredis {
		if encoded, err := json.Marshal(movies); err == nil {
			utils.RedisClient().Set(ctx, cacheKey, encoded, 0)
		}
	}

	c.JSON(http.StatusOK, utils.Response{
		Success: true,
		Message: "Upcoming movies",
		Results: movies,
	})
}
