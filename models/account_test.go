package models_test

import (
	"testing"

	"github.com/weftlab/weft/models"
)

func TestAccount_Steps(t *testing.T) {
	deposit := func(n int) models.AccountInput { return models.AccountInput{Op: models.AccountDeposit, Amount: n} }
	withdraw := func(n int) models.AccountInput { return models.AccountInput{Op: models.AccountWithdraw, Amount: n} }
	balance := models.AccountInput{Op: models.AccountBalance}
	invalid := models.AccountInput{Op: models.AccountInvalid}
	none := models.AccountOutput{}
	checkSteps(t, models.Account, []step[int, models.AccountInput, models.AccountOutput]{
		{"a deposit adds", 2, deposit(3), none, true, 5},
		{"a covered withdrawal takes", 5, withdraw(3), none, true, 2},
		{"insufficient funds: refused, nothing changes", 2, withdraw(3), none, true, 2},
		{"the balance", 4, balance, models.AccountOutput{Balance: 4}, true, 4},
		{"a stale balance is illegal", 4, balance, models.AccountOutput{Balance: 3}, false, 0},
		{"a timed-out request observes nothing", 4, balance, models.AccountOutput{TimedOut: true}, true, 4},
		{"a restart resets the balance", 7, invalid, none, true, 0},
		{"a deposit returns nothing", 0, deposit(1), models.AccountOutput{Balance: 1}, false, 0},
	})
}
